package id.apbdmonitor.simulator.generator;

/**
 * A spending category the generator produces events for, with the code used in metrics and the
 * topic its events go to. Later categories (up, tpp, capital, pad) are added here, at the end, so
 * that the events of the existing ones stay the same for a given seed.
 */
public enum Category {

	GOODS("goods", Topics.GOODS), SERVICES("services", Topics.SERVICES), CAPITAL("capital", Topics.CAPITAL),
	PAD("pad", Topics.PAD), UP("up", Topics.UP), TPP("tpp", Topics.TPP),
	/** Belanja pegawai other than TPP (5.1.01 except 5.1.01.02): salaries and allowances. */
	PERSONNEL("personnel", Topics.OTHER),
	/** Belanja bunga (5.1.03) and belanja subsidi (5.1.04). */
	INTEREST_SUBSIDIES("interest-subsidies", Topics.OTHER),
	/** Belanja hibah (5.1.05). */
	GRANTS("grants", Topics.OTHER),
	/** Belanja bantuan sosial (5.1.06). */
	SOCIAL("social", Topics.OTHER),
	/** Belanja tidak terduga, BTT (5.3). */
	UNEXPECTED("unexpected", Topics.OTHER),
	/** Belanja transfer (5.4): bagi hasil and bantuan keuangan. */
	TRANSFERS("transfers", Topics.OTHER);

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
