package id.apbdmonitor.core.ingest;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

	@Test
	void shouldTreatDataExceptionsAndConstraintViolationsAsTheRecordsFault() {
		assertThat(Failures.permanent(wrapped("22021", "invalid byte sequence for encoding \"UTF8\": 0x00"))).isTrue();
		assertThat(Failures.permanent(wrapped("22003", "numeric field overflow"))).isTrue();
		assertThat(Failures.permanent(wrapped("23514", "violates check constraint"))).isTrue();
		assertThat(Failures.message(wrapped("22021", "invalid byte sequence"))).isEqualTo("SQLState 22021: invalid byte sequence");
	}

	@Test
	void shouldRetryConnectionResourceSerializationOperatorAndNonSqlFailures() {
		for (String state : new String[] { "08006", "53300", "40001", "40P01", "57P01", "25P02" }) {
			assertThat(Failures.permanent(wrapped(state, "x"))).as(state).isFalse();
		}
		assertThat(Failures.permanent(new IllegalStateException("broker down"))).isFalse();
		assertThat(Failures.permanent(new TransientDataAccessResourceException("no state", new SQLException("x")))).isFalse();
	}

	@Test
	void shouldKnowAUniqueViolation() {
		assertThat(Failures.uniqueViolation(wrapped("23505", "duplicate key"))).isTrue();
		assertThat(Failures.uniqueViolation(wrapped("23514", "check"))).isFalse();
	}

	private static RuntimeException wrapped(String state, String message) {
		return new DataIntegrityViolationException("statement failed", new SQLException(message, state));
	}

}
