package id.apbdmonitor.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from the zonky binaries on Maven Central, so that a machine with only a JDK runs
 * the real database. The superuser {@code postgres} has trust authentication on localhost only,
 * which is why the services get their own password roles instead.
 */
final class EmbeddedDatabase implements PostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final EmbeddedPostgres postgres;

	private final int port;

	private final Optional<ProcessHandle> postmaster;

	private EmbeddedDatabase(EmbeddedPostgres postgres, int port, Optional<ProcessHandle> postmaster) {
		this.postgres = postgres;
		this.port = port;
		this.postmaster = postmaster;
	}

	/**
	 * Starts the server on {@code port} with its data in {@code dataDirectory}, wiped first unless
	 * {@code keepData}. {@code workDirectory} holds the unpacked binaries (kept between runs: the
	 * first unpacking costs seconds) and {@code logFile} the server log.
	 */
	static EmbeddedDatabase start(int port, Path dataDirectory, boolean keepData, Path workDirectory, Path logFile) {
		return start(port, dataDirectory, keepData, workDirectory, logFile, Map.of());
	}

	/** The same, with {@code serverConfig} set on top of the devstack's (the benchmark's statement statistics). */
	static EmbeddedDatabase start(int port, Path dataDirectory, boolean keepData, Path workDirectory, Path logFile,
			Map<String, String> serverConfig) {
		try {
			if (!keepData) {
				deleteRecursively(dataDirectory);
			}
			Files.createDirectories(dataDirectory.getParent());
			Files.createDirectories(workDirectory);
			Files.createDirectories(logFile.getParent());
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(dataDirectory)
				// kept after the run for inspection; wiped at the next start unless --keep-data
				.setCleanDataDirectory(false)
				.setOverrideWorkingDirectory(workDirectory.toFile())
				// the devstack stops PostgreSQL last, after the services; zonky's own hook would race
				.setRegisterShutdownHook(false)
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "200")
				// creating a region's partitions locks every partition of a table its foreign keys
				// reference: with hundreds of regions and several services starting at once the
				// default 64 runs the shared lock table out ("out of shared memory")
				.setServerConfig("max_locks_per_transaction", "512")
				// a fresh partition is planned without statistics until autovacuum first analyzes it
				// (docs/operations.md); the default wakes once a minute
				.setServerConfig("autovacuum_naptime", "5s")
				// the default 1 GB made a checkpoint every ~540 MB of WAL: every 10 s of a draining
				// backlog, each followed by full-page images of every index page touched again, and
				// PostgreSQL's own warning that checkpoints occur too frequently (docs/operations.md)
				.setServerConfig("max_wal_size", "4GB")
				.setPGStartupWait(Duration.ofSeconds(60))
				.setDataDirectoryCustomizer(EmbeddedDatabase::requirePasswords)
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
			serverConfig.forEach(builder::setServerConfig);
			EmbeddedPostgres postgres = builder.start();
			return new EmbeddedDatabase(postgres, port, postmaster(dataDirectory));
		}
		catch (IOException | RuntimeException ex) {
			throw new StartupException("embedded PostgreSQL did not start on port " + port + ": " + ex.getMessage()
					+ " (see " + logFile + ")", ex);
		}
	}

	/**
	 * initdb sets trust for everyone; the service roles must prove their password, as they will
	 * against a real server. Only the local superuser, which the devstack administers with,
	 * keeps trust: it is reachable from this machine only.
	 */
	private static void requirePasswords(java.io.File dataDirectory) {
		String hba = String.join("\n",
				"# written by the devstack (EmbeddedDatabase): superuser trusted locally, everyone else by password",
				"local all postgres trust",
				"host  all postgres 127.0.0.1/32 trust",
				"host  all postgres ::1/128 trust",
				"local all all scram-sha-256",
				"host  all all 127.0.0.1/32 scram-sha-256",
				"host  all all ::1/128 scram-sha-256",
				"");
		try {
			Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), hba);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	@Override
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database;
	}

	@Override
	public Connection connectAsAdmin(String database) throws SQLException {
		return this.postgres.getDatabase("postgres", (database != null) ? database : "postgres").getConnection();
	}

	/** The server process: pg_ctl detaches it, so it is no descendant of ours to wait for. */
	private static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		String firstLine = Files.readAllLines(pidFile).get(0).trim();
		return ProcessHandle.of(Long.parseLong(firstLine));
	}

	/**
	 * Stops the server and waits for its process to exit: {@code pg_ctl stop -w} returns when the
	 * pid file is gone, a moment before the process and its port are.
	 */
	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			log.warn("embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
		this.postmaster.ifPresent((process) -> {
			try {
				process.onExit().get(15, TimeUnit.SECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				log.warn("PostgreSQL (pid {}) still running 15 s after pg_ctl stop, killing it", process.pid());
				process.destroyForcibly();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
