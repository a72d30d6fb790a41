package id.apbdmonitor.brief.prometheus;

/** Prometheus could not be reached at all (as opposed to answering with an error). */
public class PrometheusUnavailableException extends RuntimeException {

	public PrometheusUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
