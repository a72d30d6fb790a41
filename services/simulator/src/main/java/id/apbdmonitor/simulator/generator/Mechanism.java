package id.apbdmonitor.simulator.generator;

/** How spending is paid (DOMAIN §3) and the document that realises it. */
enum Mechanism {

	/** Direct payment, realised at the SP2D-LS. */
	LS("SP2D", "SP2D-LS"),
	/** Refill of the cash advance, realised at the approved SPJ. */
	GU("SPJ", "SPJ-GU"),
	/** Extra advance, realised at its LPJ. */
	TU("LPJ", "LPJ-TU");

	final String documentKind;

	final String series;

	Mechanism(String documentKind, String series) {
		this.documentKind = documentKind;
		this.series = series;
	}

}
