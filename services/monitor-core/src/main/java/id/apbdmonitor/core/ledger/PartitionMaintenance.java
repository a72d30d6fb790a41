package id.apbdmonitor.core.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.TreeSet;

import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the ledger partitions of every configured region and its open fiscal years, and of the
 * year after the newest (a year that opens at midnight has its partition ready), after every
 * migrate, on Flyway's connection: as the owner role, which alone may create tables. A partition
 * that exists is left alone; rows of a new one already waiting in a default partition are moved
 * into it (db/core/V82__partitioned_ledgers.sql, apbd_ensure_partitions). Instances of a service
 * that start together on a new database take turns (a session advisory lock per schema): two
 * would otherwise both see a partition missing and the second's {@code create table} would fail.
 */
public class PartitionMaintenance implements Callback {

	private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);

	private static final String LOCK = "select pg_advisory_lock(hashtext(?))";

	private static final String UNLOCK = "select pg_advisory_unlock(hashtext(?))";

	private final Regions regions;

	private final FiscalYears fiscalYears;

	public PartitionMaintenance(Regions regions, FiscalYears fiscalYears) {
		this.regions = regions;
		this.fiscalYears = fiscalYears;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	/**
	 * Not in Flyway's transaction: one transaction per region, since creating a partition locks
	 * it until the commit and 546 regions' partitions in one transaction exhaust PostgreSQL's
	 * lock table (max_locks_per_transaction).
	 */
	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return false;
	}

	@Override
	public void handle(Event event, Context context) {
		String schema = context.getConfiguration().getDefaultSchema();
		Connection connection = context.getConnection();
		String call = "select " + quote(schema) + ".apbd_ensure_partitions(?, ?)";
		try (PreparedStatement statement = connection.prepareStatement(call)) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			String lockKey = "apbd partition maintenance " + schema;
			advisoryLock(connection, LOCK, lockKey);
			try {
				ensure(connection, statement);
			}
			finally {
				advisoryLock(connection, UNLOCK, lockKey);
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the ledger partitions of schema " + schema, ex);
		}
		log.info("Ledger partitions ready for {} regions in schema {}", this.regions.all().size(), schema);
	}

	private void ensure(Connection connection, PreparedStatement statement) throws SQLException {
		for (RegionProperties region : this.regions.all()) {
			List<Integer> years = years(this.fiscalYears.open(region));
			Array array = connection.createArrayOf("integer", years.toArray());
			statement.setString(1, region.pemda());
			statement.setArray(2, array);
			statement.execute();
			for (SQLWarning notice = statement.getWarnings(); notice != null; notice = notice.getNextWarning()) {
				log.warn("Region {}: {}", region.pemda(), notice.getMessage());
			}
			statement.clearWarnings();
		}
	}

	private static void advisoryLock(Connection connection, String sql, String key) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement(sql)) {
			lock.setString(1, key);
			lock.execute();
		}
	}

	/** The open years and the year after the newest. */
	static List<Integer> years(List<Integer> open) {
		TreeSet<Integer> years = new TreeSet<>(open);
		years.add(years.last() + 1);
		return List.copyOf(years);
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	@Override
	public String getCallbackName() {
		return "ledger partitions";
	}

}
