package id.apbdmonitor.devstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The devstack's broker, database and process launcher opened to the fault suite. They stay
 * package-private in infra/devstack (its behaviour is untouched); this class lives in the same
 * package, in the faults module, and hands out small public handles instead of copies.
 */
public final class DevstackParts {

	/** The JVM options the devstack starts every service with (heap, metaspace, code cache). */
	public static final List<String> SERVICE_JVM_OPTIONS = JavaCommand.SERVICE_OPTIONS;

	/** The environment the devstack adds for every service (glibc's malloc arenas). */
	public static final Map<String, String> SERVICE_ENVIRONMENT = JavaCommand.SERVICE_ENVIRONMENT;

	private DevstackParts() {
	}

	/** The embedded PostgreSQL on {@code port}; {@code keepData} reuses a cluster (restart after a crash). */
	public static Database startDatabase(int port, Path dataDirectory, boolean keepData, Path binaries, Path logFile) {
		return startDatabase(port, dataDirectory, keepData, binaries, logFile, Map.of());
	}

	/** The same with {@code serverConfig} on top of the devstack's settings. */
	public static Database startDatabase(int port, Path dataDirectory, boolean keepData, Path binaries, Path logFile,
			Map<String, String> serverConfig) {
		return new Database(EmbeddedDatabase.start(port, dataDirectory, keepData, binaries, logFile, serverConfig),
				dataDirectory);
	}

	/** A standalone Kafka broker (KRaft) from {@code classpath}; {@code keepData} keeps its log dirs. */
	public static Broker startBroker(int port, int controllerPort, Path home, String classpath, boolean keepData)
			throws InterruptedException {
		KafkaBroker broker = new KafkaBroker(new KafkaBroker.Settings(port, controllerPort, home.resolve("kafka"),
				home.resolve("config/kafka-server.properties"), home.resolve("logs/kafka.log"), home.resolve("pids"),
				home, home, classpath, keepData));
		broker.start();
		return new Broker(broker);
	}

	/** {@code java <jvmOptions> <arguments>} as a child in its own session, output to {@code logFile}. */
	public static Child startJava(String name, Path home, List<String> jvmOptions, List<String> arguments,
			Map<String, String> environment, Path workingDirectory, Path logFile) {
		List<String> command = JavaCommand.of(home, jvmOptions, arguments);
		return new Child(ChildProcess.start(name, command, environment, Set.of(), workingDirectory, logFile,
				home.resolve("pids")));
	}

	/**
	 * The service's login role and its schema in {@code database} (created if missing), as the
	 * devstack sets them up; returns the password of every role it made, by role name.
	 */
	public static Map<String, String> provision(Database server, String database, String role) throws SQLException {
		return Map.copyOf(new SchemaProvisioner().provision(server.database, database, List.of(role)));
	}

	/** Whether something accepts connections on the local {@code port}. */
	public static boolean isListening(int port) {
		return Ports.isListening(port);
	}

	/** A running embedded PostgreSQL. */
	public static final class Database implements AutoCloseable {

		private final EmbeddedDatabase database;

		private final Path dataDirectory;

		private Database(EmbeddedDatabase database, Path dataDirectory) {
			this.database = database;
			this.dataDirectory = dataDirectory;
		}

		public String jdbcUrl(String name) {
			return this.database.jdbcUrl(name);
		}

		public Connection connectAsAdmin(String name) throws SQLException {
			return this.database.connectAsAdmin(name);
		}

		public Path dataDirectory() {
			return this.dataDirectory;
		}

		@Override
		public void close() {
			this.database.close();
		}

		/**
		 * Forgets a server that was killed from outside: releases zonky's lock on the data
		 * directory so that a restart on the same cluster can take it. pg_ctl finds no server.
		 */
		public void abandon() {
			try {
				this.database.close();
			}
			catch (RuntimeException ex) {
				// the server is already gone; only the lock had to be released
			}
		}

	}

	/** A running broker. */
	public static final class Broker {

		private final KafkaBroker broker;

		private Broker(KafkaBroker broker) {
			this.broker = broker;
		}

		public String bootstrapServers() {
			return this.broker.bootstrapServers();
		}

		public long pid() {
			return this.broker.process().pid();
		}

		public boolean isAlive() {
			return this.broker.process().isAlive();
		}

		/** SIGTERM, then SIGKILL after {@code grace}. */
		public void stop(Duration grace) {
			this.broker.requestStop();
			this.broker.awaitStop(grace);
		}

	}

	/** A child process started by {@link #startJava}. */
	public static final class Child {

		private final ChildProcess process;

		private Child(ChildProcess process) {
			this.process = process;
		}

		public long pid() {
			return this.process.pid();
		}

		public boolean isAlive() {
			return this.process.isAlive();
		}

		public Path logFile() {
			return this.process.logFile();
		}

		public String tail(int lines) {
			return this.process.tail(lines);
		}

		/** SIGTERM, then SIGKILL after {@code grace}. */
		public void stop(Duration grace) {
			this.process.stop(grace);
		}

	}

}
