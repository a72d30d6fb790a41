package id.apbdmonitor.core.event;

/**
 * Short-cuts parsing at the first bad field; parsers turn it back into a {@link Rejection}
 * value at their boundary, so it never escapes into the pipeline.
 */
public final class RejectedException extends RuntimeException {

	private final transient Rejection rejection;

	public RejectedException(Rejection rejection) {
		super(rejection.detail(), null, false, false);
		this.rejection = rejection;
	}

	public static RejectedException of(Reason reason, String field, Object value, String detail) {
		return new RejectedException(Rejection.of(reason, field, value, detail));
	}

	public Rejection rejection() {
		return this.rejection;
	}

}
