package id.apbdmonitor.devstack;

import java.nio.file.Path;

/**
 * Where the devstack keeps its files: everything under {@code .devstack/} of the repository,
 * git-ignored, so that {@code rm -rf .devstack} resets it completely.
 */
record StackLayout(Path repoRoot, Path home) {

	static StackLayout of(Path repoRoot) {
		Path root = repoRoot.toAbsolutePath().normalize();
		return new StackLayout(root, root.resolve(".devstack"));
	}

	Path logs() {
		return this.home.resolve("logs");
	}

	Path log(String name) {
		return logs().resolve(name + ".log");
	}

	/** One {@code <name>.pid} per running child; the run script reaps them after a SIGKILL. */
	Path pids() {
		return this.home.resolve("pids");
	}

	Path postgresData() {
		return this.home.resolve("postgres");
	}

	/** Unpacked PostgreSQL binaries, kept between runs (unpacking takes seconds). */
	Path postgresBinaries() {
		return this.home.resolve("pg-binaries");
	}

	/** The instant the simulated year starts, written once every service is UP. */
	Path clockStartFile() {
		return this.home.resolve("clock-started-at");
	}

	/** The synthetic regions' files of {@code --regions N}, written by the simulator, read by the services. */
	Path regions() {
		return this.home.resolve("regions");
	}

	Path kafkaData() {
		return this.home.resolve("kafka");
	}

	Path kafkaConfig() {
		return this.home.resolve("config/kafka-server.properties");
	}

}
