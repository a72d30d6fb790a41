package id.apbdmonitor.tpp;

/** The stages of one OPD's TPP for one month (DOMAIN §4), in the only order they can happen. */
public enum Stage {

	PERFORMANCE_CLOSED, VERIFIED, SPP, SPM, SP2D;

	/** 1 for the first stage. */
	int order() {
		return ordinal() + 1;
	}

	Stage previous() {
		return (ordinal() == 0) ? null : values()[ordinal() - 1];
	}

}
