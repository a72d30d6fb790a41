package id.apbdmonitor.core.event;

/**
 * An event read by a service: the pipeline takes its eventId and region from the checked
 * envelope, not from the record's tree a second time.
 */
public interface Enveloped {

	Envelope envelope();

}
