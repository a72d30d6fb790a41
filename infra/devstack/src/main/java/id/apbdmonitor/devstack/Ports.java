package id.apbdmonitor.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks on local TCP ports: the devstack refuses to start over a port already taken rather
 * than leaving a service to fail later with a less clear "address in use" in its log.
 */
final class Ports {

	private Ports() {
	}

	/** Free means: nobody listens on it and we could bind it ourselves on localhost. */
	static boolean isFree(int port) {
		if (isListening(port)) {
			return false;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A port the operating system considers free right now, for tests. */
	static int findFree() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no free port", ex);
		}
	}

	/** Fails with one message naming every taken port and who was to use it. */
	static void requireFree(Map<String, Integer> portsByUse) {
		Map<String, Integer> taken = portsByUse.entrySet()
			.stream()
			.filter((entry) -> !isFree(entry.getValue()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
					java.util.LinkedHashMap::new));
		if (!taken.isEmpty()) {
			String list = taken.entrySet()
				.stream()
				.map((entry) -> entry.getValue() + " (" + entry.getKey() + ")")
				.collect(Collectors.joining(", "));
			throw new StartupException("port(s) already in use: " + list
					+ ". Is another devstack running? Find the owner with: ss -ltnp | grep -E ':("
					+ taken.values().stream().map(String::valueOf).collect(Collectors.joining("|")) + ")\\b'");
		}
	}

}
