package id.apbdmonitor.tpp;

import java.math.BigDecimal;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Enveloped;

/** A {@code tpp-stage} event: an OPD's TPP of one month reached a stage, with amount and employees. */
record TppEvent(Envelope envelope, int month, Stage stage, BigDecimal amount, int employees) implements Enveloped {

	static final String TYPE = "tpp-stage";

}
