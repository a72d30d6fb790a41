package id.apbdmonitor.simulator.generator;

/**
 * A spending category the generator produces events for, with the code used in metrics and the
 * topic its events go to. Later categories (up, tpp, capital, pad) are added here, at the end, so
 * that the events of the existing ones stay the same for a given seed.
 */
public enum Category {

	GOODS("goods", Topics.GOODS), SERVICES("services", Topics.SERVICES), CAPITAL("capital", Topics.CAPITAL),
	PAD("pad", Topics.PAD), UP("up", Topics.UP), TPP("tpp", Topics.TPP);

	private final String code;

	private final String topic;

	Category(String code, String topic) {
		this.code = code;
		this.topic = topic;
	}

	/** The {@code category} label value, e.g. {@code goods}. */
	public String code() {
		return this.code;
	}

	/** The Kafka topic of this category's events, e.g. {@code apbd.goods.v1}. */
	public String topic() {
		return this.topic;
	}

}
