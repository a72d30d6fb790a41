package id.apbdmonitor.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one process) run from Apache
 * Kafka's own server jar as a child process: the same broker as production, not a test double,
 * and its 256 MB heap and its log stay out of the devstack JVM.
 */
final class KafkaBroker {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private final Settings settings;

	private ChildProcess process;

	KafkaBroker(Settings settings) {
		this.settings = settings;
	}

	String bootstrapServers() {
		return "localhost:" + this.settings.port();
	}

	ChildProcess process() {
		return this.process;
	}

	/**
	 * Formats the storage (unless kept from an earlier run), starts the broker and returns once an
	 * admin client sees the node: a listening port alone does not mean the controller is elected.
	 */
	void start() throws InterruptedException {
		Settings s = this.settings;
		try {
			if (!s.keepData()) {
				EmbeddedDatabase.deleteRecursively(s.dataDirectory());
			}
			Files.createDirectories(s.dataDirectory());
			Files.createDirectories(s.configFile().getParent());
			Files.writeString(s.configFile(), serverProperties(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new StartupException("cannot prepare the Kafka folders: " + ex.getMessage(), ex);
		}
		if (!Files.exists(s.dataDirectory().resolve("meta.properties"))) {
			format();
		}
		String clusterId = clusterId();
		this.process = ChildProcess.start("kafka",
				JavaCommand.of(s.devstackHome(),
						List.of("-Xmx256m", "-Dlogback.configurationFile=kafka-broker-logback.xml", "-cp", s.classpath()),
						List.of("kafka.Kafka", s.configFile().toAbsolutePath().toString())),
				Map.of(), s.workingDirectory(), s.logFile(), s.pidDirectory());
		awaitReady(clusterId);
	}

	/** The id written by the format step: what our broker, and no other, answers with. */
	private String clusterId() {
		Properties meta = new Properties();
		try (var reader = Files.newBufferedReader(this.settings.dataDirectory().resolve("meta.properties"))) {
			meta.load(reader);
		}
		catch (IOException ex) {
			throw new StartupException("cannot read the Kafka storage's meta.properties: " + ex.getMessage(), ex);
		}
		return meta.getProperty("cluster.id");
	}

	private void format() throws InterruptedException {
		Settings s = this.settings;
		String clusterId = Uuid.randomUuid().toString();
		Path formatLog = s.logFile().resolveSibling("kafka-format.log");
		ChildProcess formatter = ChildProcess.start("kafka-format",
				JavaCommand.of(s.devstackHome(), List.of("-Xmx128m", "-cp", s.classpath()),
						List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
								s.configFile().toAbsolutePath().toString())),
				Map.of(), s.workingDirectory(), formatLog, s.pidDirectory());
		if (!formatter.waitFor(Duration.ofSeconds(60))) {
			formatter.stop(Duration.ofSeconds(5));
			throw new StartupException("formatting the Kafka storage took over 60 s; see " + formatLog);
		}
		formatter.awaitStop(Duration.ZERO);
		if (formatter.exitValue() != 0) {
			throw new StartupException("formatting the Kafka storage failed (exit " + formatter.exitValue() + "):"
					+ System.lineSeparator() + formatter.tail(20));
		}
		log.debug("formatted {} as cluster {}", s.dataDirectory(), clusterId);
	}

	private void awaitReady(String clusterId) throws InterruptedException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new StartupException("the Kafka broker exited with " + this.process.exitValue() + "; last lines of "
						+ this.process.logFile() + ":" + System.lineSeparator() + this.process.tail(30));
			}
			if (Ports.isListening(this.settings.port())) {
				Optional<String> answering = answeringClusterId();
				if (answering.filter(clusterId::equals).isPresent()) {
					return;
				}
				// a broker started by someone else between our port check and our bind
				if (answering.isPresent()) {
					throw new StartupException("port " + this.settings.port() + " answers for another Kafka cluster ("
							+ answering.get() + ", ours is " + clusterId + "): another broker took the port");
				}
			}
			Thread.sleep(500);
		}
		throw new StartupException("the Kafka broker was not ready after " + STARTUP_TIMEOUT.toSeconds()
				+ " s; last lines of " + this.process.logFile() + ":" + System.lineSeparator() + this.process.tail(30));
	}

	private Optional<String> answeringClusterId() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		try (Admin admin = Admin.create(properties)) {
			var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000));
			if (cluster.nodes().get(6, TimeUnit.SECONDS).isEmpty()) {
				return Optional.empty();
			}
			return Optional.ofNullable(cluster.clusterId().get(6, TimeUnit.SECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/** SIGTERM makes the broker flush and close its logs; a clean stop keeps --keep-data usable. */
	void requestStop() {
		if (this.process != null) {
			this.process.requestStop();
		}
	}

	void awaitStop(Duration grace) {
		if (this.process != null) {
			this.process.awaitStop(grace);
		}
	}

	String serverProperties() {
		Settings s = this.settings;
		return String.join("\n",
				"# written by the devstack at each start; edit KafkaBroker.java instead",
				"process.roles=broker,controller",
				"node.id=1",
				"controller.quorum.voters=1@localhost:" + s.controllerPort(),
				"listeners=PLAINTEXT://localhost:" + s.port() + ",CONTROLLER://localhost:" + s.controllerPort(),
				"advertised.listeners=PLAINTEXT://localhost:" + s.port(),
				"controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
				"log.dirs=" + s.dataDirectory().toAbsolutePath(),
				"num.partitions=3",
				"offsets.topic.replication.factor=1",
				"transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1",
				// one broker: no point waiting for more group members to join
				"group.initial.rebalance.delay.ms=0",
				"auto.create.topics.enable=true",
				"") ;
	}

	/**
	 * Where the broker listens and keeps its files. {@code classpath} holds the kafka_2.13 jar
	 * and its dependencies: the devstack's own classpath.
	 */
	record Settings(int port, int controllerPort, Path dataDirectory, Path configFile, Path logFile,
			Path pidDirectory, Path devstackHome, Path workingDirectory, String classpath, boolean keepData) {
	}

}
