package id.apbdmonitor.simulator.generator;

/** Names of the Kafka topics of the event contract ({@code docs/events}). */
public final class Topics {

	public static final String BUDGET = "apbd.budget.v1";

	public static final String GOODS = "apbd.goods.v1";

	public static final String SERVICES = "apbd.services.v1";

	public static final String CAPITAL = "apbd.capital.v1";

	public static final String PAD = "apbd.pad.v1";

	public static final String UP = "apbd.up.v1";

	public static final String TPP = "apbd.tpp.v1";

	/** Personnel other than TPP, grants, social assistance, interest and subsidies, BTT, transfers. */
	public static final String OTHER = "apbd.other.v1";

	private Topics() {
	}

}
