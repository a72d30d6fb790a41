package id.apbdmonitor.devstack;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command-line options of {@code infra/devstack/run}. Only the existing-server password is
 * read from the environment, so that it never appears in a process list or shell history.
 */
record Options(Duration yearDuration, int fiscalYear, Optional<ExternalServer> externalServer, boolean keepData,
		int regions, boolean help) {

	/** Every regional government of Indonesia: 38 provinces and 508 regencies and cities. */
	static final int ALL_REGIONS = 546;

	/** The region of the demo is Kota Bima (WITA): its fiscal year starts on its own 1 January. */
	static final ZoneId REGION_ZONE = ZoneId.of("Asia/Makassar");

	static final String USAGE = """
			Usage: infra/devstack/run [options]

			Starts PostgreSQL, a Kafka broker, the services and the simulator, prints every URL,
			and stops everything on Ctrl-C or SIGTERM.

			Options:
			  --year-duration D            how long the simulated fiscal year lasts (default 10m;
			                               e.g. 90s, 3m, 1h)
			  --fiscal-year Y              the simulated fiscal year (default: this year)
			  --jdbc-url URL               use an existing PostgreSQL server instead of the embedded
			                               one, e.g. jdbc:postgresql://localhost:5432/postgres
			  --db-admin-user U            a role on that server allowed to create databases and roles
			  --db-admin-password-env VAR  the environment variable holding that role's password
			  --keep-data                  keep .devstack/postgres and .devstack/kafka from the last run
			  --regions N                  monitor N regions (default 1: Kota Bima alone; at most 546):
			                               Kota Bima and N-1 synthetic provinces, regencies and cities
			                               whose region files and whole years the simulator generates
			                               (published at once, not with the clock); a few suit two
			                               cores, all 546 are the national benchmark's work
			  --help                       print this text
			""";

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

	/**
	 * Checks the options before anything is built: {@code infra/devstack/run} runs this file
	 * through Java's source launcher (it needs only the JDK), so that a fresh clone answers
	 * {@code --help} and a mistyped option is rejected in a second, not after a build. Exit 0 (the
	 * usage printed for {@code --help}), or 2 with the reason and the usage.
	 */
	public static void main(String[] args) {
		try {
			if (parse(args).help()) {
				System.out.print(USAGE);
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println("devstack: " + ex.getMessage());
			System.err.println();
			System.err.print(USAGE);
			System.exit(2);
		}
	}

	static Options parse(String... args) {
		Duration yearDuration = Duration.ofMinutes(10);
		int fiscalYear = LocalDate.now(REGION_ZONE).getYear();
		String jdbcUrl = null;
		String adminUser = null;
		String passwordVariable = null;
		boolean keepData = false;
		int regions = 1;
		boolean help = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--year-duration" -> yearDuration = duration(value(args, ++i, arg));
				case "--fiscal-year" -> fiscalYear = fiscalYear(value(args, ++i, arg));
				case "--jdbc-url" -> jdbcUrl = value(args, ++i, arg);
				case "--db-admin-user" -> adminUser = value(args, ++i, arg);
				case "--db-admin-password-env" -> passwordVariable = value(args, ++i, arg);
				case "--keep-data" -> keepData = true;
				case "--regions" -> regions = regions(value(args, ++i, arg));
				case "--help", "-h" -> help = true;
				default -> throw new IllegalArgumentException("unknown option " + arg);
			}
		}
		Optional<ExternalServer> external = Optional.empty();
		if (jdbcUrl != null || adminUser != null || passwordVariable != null) {
			if (jdbcUrl == null || adminUser == null || passwordVariable == null) {
				throw new IllegalArgumentException(
						"an existing server needs all three of --jdbc-url, --db-admin-user and --db-admin-password-env");
			}
			if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
				throw new IllegalArgumentException("--jdbc-url must start with jdbc:postgresql://, was " + jdbcUrl);
			}
			external = Optional.of(new ExternalServer(jdbcUrl, adminUser, passwordVariable));
		}
		return new Options(yearDuration, fiscalYear, external, keepData, regions, help);
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length || args[index].startsWith("--")) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	static Duration duration(String text) {
		Matcher matcher = DURATION.matcher(text.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("a duration is a number and a unit (ms, s, m, h), e.g. 10m; was " + text);
		}
		long amount = Long.parseLong(matcher.group(1));
		Duration duration = switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
		if (duration.isZero()) {
			throw new IllegalArgumentException("the simulated year must last longer than zero");
		}
		return duration;
	}

	private static int fiscalYear(String text) {
		try {
			int year = Integer.parseInt(text);
			if (year < 2000 || year > 2100) {
				throw new IllegalArgumentException("--fiscal-year out of range: " + text);
			}
			return year;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--fiscal-year must be a year, was " + text);
		}
	}

	private static int regions(String text) {
		try {
			int regions = Integer.parseInt(text);
			if (regions < 1 || regions > ALL_REGIONS) {
				throw new IllegalArgumentException("--regions must be within 1.." + ALL_REGIONS + ", was " + text);
			}
			return regions;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--regions must be a number of regions, was " + text);
		}
	}

	/** For people: {@code 10m}, {@code 90s}. */
	String yearDurationText() {
		long seconds = this.yearDuration.toSeconds();
		if (this.yearDuration.toMillis() % 1000 != 0) {
			return this.yearDuration.toMillis() + "ms";
		}
		return (seconds % 60 == 0) ? (seconds / 60) + "m" : seconds + "s";
	}

	/** The spelling Spring Boot's Duration conversion accepts, e.g. {@code 600s}. */
	String yearDurationForSpring() {
		return this.yearDuration.toMillis() % 1000 == 0 ? this.yearDuration.toSeconds() + "s"
				: this.yearDuration.toMillis() + "ms";
	}

	/** An existing PostgreSQL server: the admin password stays in the named environment variable. */
	record ExternalServer(String jdbcUrl, String adminUser, String passwordVariable) {

		String password() {
			String password = System.getenv(this.passwordVariable);
			if (password == null) {
				throw new IllegalArgumentException("environment variable " + this.passwordVariable
						+ " (from --db-admin-password-env) is not set");
			}
			return password;
		}

	}

}
