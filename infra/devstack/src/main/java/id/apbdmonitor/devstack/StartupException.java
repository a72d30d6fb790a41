package id.apbdmonitor.devstack;

/** A startup failure whose message already says what to do; printed without a stack trace. */
class StartupException extends RuntimeException {

	StartupException(String message) {
		super(message);
	}

	StartupException(String message, Throwable cause) {
		super(message, cause);
	}

}
