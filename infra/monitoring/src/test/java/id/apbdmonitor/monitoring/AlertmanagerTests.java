package id.apbdmonitor.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** infra/alertmanager/alertmanager.yml, checked by the real amtool and against the alert rules. */
class AlertmanagerTests {

	private static final String CONFIG = RepoFiles.ROOT.relativize(RepoFiles.ALERTMANAGER_CONFIG).toString();

	@Test
	void amtoolAcceptsTheConfiguration() {
		Tool.Result result = Tool.AMTOOL.run(RepoFiles.ROOT, "check-config", CONFIG);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output()).as(result.toString()).contains("SUCCESS");
	}

	/**
	 * amtool prints the receivers a label set reaches, comma-separated: an OPD's alert goes to the
	 * daily digest and to the OPD's contact; a pipeline alert (no opd) to the operators; so does
	 * an OPD alert of another region (its DINKES is not Kota Bima's).
	 */
	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "severity=critical alertname=ApbdServiceDown job=goods-spending; operator",
			"severity=warning alertname=ApbdOpdBehindCashPlan pemda=52.72 opd=PUPR; ringkasan-harian,opd-pupr",
			"severity=critical alertname=ApbdOpdBehindCashPlan pemda=52.72 opd=DISHUB; ringkasan-harian,opd-dishub",
			"severity=info alertname=ApbdOpdSpendingWithoutPagu pemda=52.72 opd=KEC-RABA; ringkasan-harian,opd-kec-raba",
			"severity=warning alertname=ApbdOpdBehindCashPlan pemda=34.04 opd=DINKES; operator",
			"severity=warning alertname=ApbdDeadLettersAppearing job=pad-revenue; operator" })
	void alertsReachTheOpdTheDigestOrTheOperators(String labels, String receivers) {
		List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + CONFIG));
		args.addAll(List.of(labels.split(" ")));
		Tool.Result result = Tool.AMTOOL.run(RepoFiles.ROOT, args.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output().lines().filter((line) -> !line.startsWith("Warning:")).toList()).as(result.toString())
			.containsExactly(receivers);
	}

	private static final String REGIONS_EXAMPLE = RepoFiles.ROOT.relativize(RepoFiles.ALERTMANAGER_REGIONS_EXAMPLE).toString();

	@Test
	void amtoolAcceptsTheConfigurationOfSeveralRegions() {
		Tool.Result result = Tool.AMTOOL.run(RepoFiles.ROOT, "check-config", REGIONS_EXAMPLE);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output()).as(result.toString()).contains("SUCCESS");
	}

	/**
	 * Generated with the region files of examples/regions: Kabupaten Sleman (34.04) names contacts
	 * for DINKES and BPKAD and a digest, not for DISDIK; Kota Jayapura (91.71), as the simulator
	 * writes its regions, none. Kota Bima's routes are unchanged.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = ';', value = {
			"severity=warning alertname=ApbdOpdBehindCashPlan pemda=34.04 opd=DINKES zone=WIB; ringkasan-harian-34.04,opd-34.04-dinkes",
			"severity=critical alertname=ApbdOpdBehindCashPlan pemda=34.04 opd=BPKAD zone=WIB; ringkasan-harian-34.04,opd-34.04-bpkad",
			"severity=critical alertname=ApbdOpdBehindCashPlan pemda=34.04 opd=DISDIK zone=WIB; ringkasan-harian-34.04,operator",
			"severity=critical alertname=ApbdOpdBehindCashPlan pemda=91.71 opd=DINKES zone=WIT; operator",
			"severity=warning alertname=ApbdOpdBehindCashPlan pemda=52.72 opd=DINKES zone=WITA; ringkasan-harian,opd-dinkes",
			"severity=critical alertname=ApbdServiceDown job=goods-spending; operator" })
	void everyRegionsAlertsReachItsOwnContactsOrTheOperators(String labels, String receivers) {
		List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + REGIONS_EXAMPLE));
		args.addAll(List.of(labels.split(" ")));
		Tool.Result result = Tool.AMTOOL.run(RepoFiles.ROOT, args.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output().lines().filter((line) -> !line.startsWith("Warning:")).toList()).as(result.toString())
			.containsExactly(receivers);
	}

	@Test
	void notificationsAreGroupedByRegionAndOpd() {
		assertThat(strings(route().get("group_by"))).contains("pemda", "opd");
	}

	@Test
	void everyReceiverSendsEMail() {
		List<Map<String, Object>> receivers = RepoFiles.maps(config().get("receivers"));
		assertThat(receivers).hasSizeGreaterThan(30)
			.allSatisfy((receiver) -> assertThat(RepoFiles.maps(receiver.get("email_configs")))
				.as("e-mail of %s", receiver.get("name"))
				.isNotEmpty()
				.allSatisfy((email) -> assertThat(String.valueOf(email.get("to"))).matches("[a-z0-9.-]+@[a-z0-9.-]+")));
	}

	/** An OPD alert rendered by the real amtool with the repository's templates. */
	@Test
	void theIndonesianMessageNamesTheOpdWritesRupiahAndWitaTime(@org.junit.jupiter.api.io.TempDir Path temp)
			throws Exception {
		Path data = temp.resolve("alert.json");
		Files.writeString(data, ALERT_DATA);

		String subject = render(data, "apbd.id.subject");
		String text = render(data, "apbd.id.text");

		assertThat(subject).isEqualTo(
				"[Kota Bima] KRITIS: Realisasi di bawah anggaran kas — Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)");
		// 01:30 UTC is 09:30 WITA (UTC+8), 2 March
		assertThat(text).contains("Mulai: 2 Maret 2026 09.30 WITA")
			.contains("baru merealisasikan 40% dari anggaran kas belanja modal sampai hari ini: Rp 47,8 juta dari Rp 1,19 miliar")
			.contains("Panduan: https://apbd.kota-bima.example/docs/runbook.md#apbdopdbehindcashplan")
			.doesNotContain("UTC");
		assertThat(render(data, "apbd.en.text")).contains("Since: 2 March 2026 09:30 WITA");
	}

	/**
	 * An alert of another region than the home one (DINKES of Kabupaten Sleman): the subject and the
	 * text name that region (the rules' region_name annotation), not the home region, the text also
	 * after the OPD (the rules' deskripsi), and its times are in the region's zone (its zone label).
	 */
	@Test
	void anAlertOfAnotherRegionNamesItsRegion(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
		Path data = temp.resolve("sleman.json");
		Files.writeString(data, SLEMAN_DATA);

		// resolved: the message gives its end too
		assertThat(render(data, "apbd.id.subject"))
			.isEqualTo("[Kabupaten Sleman] SELESAI: Realisasi di bawah anggaran kas — Dinas Kesehatan (DINKES)");
		// 01:30 UTC is 08:30 WIB (UTC+7); it ended at 17:05 UTC, 00:05 WIB of the next day
		assertThat(render(data, "apbd.id.text")).startsWith("Kabupaten Sleman: 0 peringatan aktif, 1 selesai.")
			.contains("Dinas Kesehatan (DINKES) Kabupaten Sleman baru merealisasikan 60%")
			.contains("Mulai: 2 Maret 2026 08.30 WIB; selesai: 3 Maret 2026 00.05 WIB")
			.doesNotContain("WITA");
		assertThat(render(data, "apbd.en.text")).contains("Since: 2 March 2026 08:30 WIB");
	}

	/**
	 * The digest of a region in WIT (Kota Jayapura, UTC+9): each line's time in WIT. 15:30 UTC on
	 * 2 March is 00.30 on 3 March in Jayapura; 31 December 2026 16:00 UTC is 1 January 2027 01.00.
	 * A pipeline alert without a zone label shows the home region's WITA (16:00 UTC + 8 h: 00.00).
	 */
	@Test
	void eachLineOfTheDigestIsInItsRegionsZone(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
		Path data = temp.resolve("jayapura.json");
		Files.writeString(data, JAYAPURA_DIGEST_DATA);

		assertThat(render(data, "apbd.digest.subject")).isEqualTo("[Kota Jayapura] Ringkasan harian: 2 peringatan OPD");
		assertThat(render(data, "apbd.digest.text"))
			.contains("- Dinas Kesehatan (DINKES): Realisasi di bawah anggaran kas [KRITIS], sejak 3 Maret 2026 00.30 WIT")
			.contains("- Dinas Pekerjaan Umum dan Penataan Ruang (PUPR): Serapan di bawah target triwulan [PERINGATAN], "
					+ "sejak 1 Januari 2027 01.00 WIT");

		Path pipeline = temp.resolve("pipeline.json");
		Files.writeString(pipeline, PIPELINE_DATA);
		assertThat(render(pipeline, "apbd.id.text")).startsWith("Kota Bima: 1 peringatan aktif")
			.contains("Mulai: 1 Januari 2027 00.00 WITA");
	}

	@Test
	void theDigestListsEveryLaggingOpdInOneMessage(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
		Path data = temp.resolve("digest.json");
		Files.writeString(data, DIGEST_DATA);

		assertThat(render(data, "apbd.digest.subject")).isEqualTo("[Kota Bima] Ringkasan harian: 2 peringatan OPD");
		assertThat(render(data, "apbd.digest.text"))
			.contains("- Dinas Pekerjaan Umum dan Penataan Ruang (PUPR): Realisasi di bawah anggaran kas [KRITIS], "
					+ "sejak 2 Maret 2026 09.30 WITA")
			.contains("- Dinas Perhubungan (DISHUB): Serapan di bawah target triwulan [PERINGATAN], sejak 1 April 2026 "
					+ "08.00 WITA");
	}

	private static String render(Path data, String template) {
		Tool.Result result = Tool.AMTOOL.run(RepoFiles.ROOT, "template", "render",
				"--template.glob=infra/alertmanager/templates/*.tmpl", "--template.data=" + data,
				"--template.text={{ template \"" + template + "\" . }}");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result.output().strip();
	}

	private static final String PUPR_ALERT = """
			{"status":"firing","labels":{"alertname":"ApbdOpdBehindCashPlan","opd":"PUPR","pemda":"52.72",
			 "severity":"critical","category":"capital","job":"capital-spending"},
			 "annotations":{"opd_name":"Dinas Pekerjaan Umum dan Penataan Ruang","summary":"PUPR is far behind",
			 "description":"PUPR (52.72) has realised 40% of its capital cash plan to date",
			 "deskripsi":"Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) baru merealisasikan 40% dari anggaran kas belanja modal sampai hari ini: Rp 47,8 juta dari Rp 1,19 miliar (di bawah 50 % selama 14 hari).",
			 "runbook_url":"docs/runbook.md#apbdopdbehindcashplan"},
			 "startsAt":"2026-03-02T01:30:00Z","endsAt":"0001-01-01T00:00:00Z"}""";

	private static final String ALERT_DATA = """
			{"receiver":"opd-pupr","status":"firing","externalURL":"https://apbd.kota-bima.example",
			 "groupLabels":{"alertname":"ApbdOpdBehindCashPlan","opd":"PUPR"},
			 "commonLabels":{"alertname":"ApbdOpdBehindCashPlan","opd":"PUPR","pemda":"52.72","severity":"critical",
			 "category":"capital","job":"capital-spending"},
			 "commonAnnotations":{"opd_name":"Dinas Pekerjaan Umum dan Penataan Ruang"},
			 "alerts":[%s]}""".formatted(PUPR_ALERT);

	private static final String SLEMAN_DATA = """
			{"receiver":"opd-34.04-dinkes","status":"resolved","externalURL":"https://apbd.kota-bima.example",
			 "groupLabels":{"alertname":"ApbdOpdBehindCashPlan","opd":"DINKES"},
			 "commonLabels":{"alertname":"ApbdOpdBehindCashPlan","opd":"DINKES","pemda":"34.04","severity":"warning",
			 "category":"goods","job":"goods-spending","zone":"WIB"},
			 "commonAnnotations":{"opd_name":"Dinas Kesehatan","region_name":"Kabupaten Sleman"},
			 "alerts":[{"status":"resolved","labels":{"alertname":"ApbdOpdBehindCashPlan","opd":"DINKES","pemda":"34.04",
			  "severity":"warning","category":"goods","job":"goods-spending","zone":"WIB"},
			  "annotations":{"opd_name":"Dinas Kesehatan","region_name":"Kabupaten Sleman",
			  "deskripsi":"Dinas Kesehatan (DINKES) Kabupaten Sleman baru merealisasikan 60% dari anggaran kas belanja barang sampai hari ini: Rp 6 miliar dari Rp 10 miliar (di bawah 75 % selama 3 hari).",
			  "runbook_url":"docs/runbook.md#apbdopdbehindcashplan"},
			  "startsAt":"2026-03-02T01:30:00Z","endsAt":"2026-03-02T17:05:00Z"}]}""";

	private static final String JAYAPURA_DIGEST_DATA = """
			{"receiver":"ringkasan-harian-91.71","status":"firing","externalURL":"https://apbd.kota-bima.example",
			 "groupLabels":{"pemda":"91.71"},"commonLabels":{"pemda":"91.71","zone":"WIT"},
			 "commonAnnotations":{"region_name":"Kota Jayapura"},
			 "alerts":[{"status":"firing","labels":{"alertname":"ApbdOpdBehindCashPlan","opd":"DINKES","pemda":"91.71",
			  "severity":"critical","category":"goods","job":"goods-spending","zone":"WIT"},
			  "annotations":{"opd_name":"Dinas Kesehatan","region_name":"Kota Jayapura","deskripsi":"x",
			  "runbook_url":"docs/runbook.md#apbdopdbehindcashplan"},
			  "startsAt":"2026-03-02T15:30:00Z","endsAt":"0001-01-01T00:00:00Z"},
			 {"status":"firing","labels":{"alertname":"ApbdOpdBehindQuarterlyTarget","opd":"PUPR","pemda":"91.71",
			  "severity":"warning","category":"goods","job":"goods-spending","zone":"WIT"},
			  "annotations":{"opd_name":"Dinas Pekerjaan Umum dan Penataan Ruang","region_name":"Kota Jayapura","deskripsi":"y",
			  "runbook_url":"docs/runbook.md#apbdopdbehindquarterlytarget"},
			  "startsAt":"2026-12-31T16:00:00Z","endsAt":"0001-01-01T00:00:00Z"}]}""";

	private static final String PIPELINE_DATA = """
			{"receiver":"operator","status":"firing","externalURL":"https://apbd.kota-bima.example",
			 "groupLabels":{"alertname":"ApbdServiceDown","job":"goods-spending"},
			 "commonLabels":{"alertname":"ApbdServiceDown","job":"goods-spending","severity":"critical"},
			 "commonAnnotations":{},
			 "alerts":[{"status":"firing","labels":{"alertname":"ApbdServiceDown","job":"goods-spending","severity":"critical"},
			  "annotations":{"deskripsi":"z","runbook_url":"docs/runbook.md#apbdservicedown"},
			  "startsAt":"2026-12-31T16:00:00Z","endsAt":"0001-01-01T00:00:00Z"}]}""";

	private static final String DIGEST_DATA = """
			{"receiver":"ringkasan-harian","status":"firing","externalURL":"https://apbd.kota-bima.example",
			 "groupLabels":{"pemda":"52.72"},"commonLabels":{"pemda":"52.72"},"commonAnnotations":{},
			 "alerts":[%s,
			 {"status":"firing","labels":{"alertname":"ApbdOpdBehindQuarterlyTarget","opd":"DISHUB","pemda":"52.72",
			  "severity":"warning","category":"goods","job":"goods-spending"},
			  "annotations":{"opd_name":"Dinas Perhubungan","description":"DISHUB (52.72) has absorbed 10%% of its goods pagu",
			  "runbook_url":"docs/runbook.md#apbdopdbehindquarterlytarget"},
			  "startsAt":"2026-04-01T00:00:00Z","endsAt":"0001-01-01T00:00:00Z"}]}""".formatted(PUPR_ALERT);

	/** An inhibition naming an alert that does not exist would silently inhibit nothing. */
	@Test
	void inhibitionsNameExistingAlertsAndCarryTheLabelTheyCompare() {
		Set<String> alerts = RuleCatalog.alertNames();
		List<Map<String, Object>> inhibitions = RepoFiles.maps(config().get("inhibit_rules"));
		assertThat(inhibitions).isNotEmpty();
		Set<String> named = new LinkedHashSet<>();
		for (Map<String, Object> inhibition : inhibitions) {
			List<String> matchers = new ArrayList<>(strings(inhibition.get("source_matchers")));
			matchers.addAll(strings(inhibition.get("target_matchers")));
			for (String matcher : matchers) {
				named.addAll(alertNames(matcher));
			}
		}
		assertThat(alerts).containsAll(named);
		// the pipeline inhibits the OPD alerts of the same service: both must have a job label,
		// which the OPD-level recording rules keep (max without (instance))
		assertThat(named).contains("ApbdServiceDown", "ApbdOpdBehindCashPlan");
		assertThat(inhibitions).anySatisfy((inhibition) -> assertThat(strings(inhibition.get("equal"))).containsExactly("job"));
	}

	private static Set<String> alertNames(String matcher) {
		Matcher m = Pattern.compile("alertname\\s*=~?\\s*\"([^\"]*)\"").matcher(matcher);
		Set<String> names = new LinkedHashSet<>();
		while (m.find()) {
			names.addAll(List.of(m.group(1).split("\\|")));
		}
		return names;
	}

	private static Map<String, Object> config() {
		return RepoFiles.yaml(RepoFiles.ALERTMANAGER_CONFIG);
	}

	private static Map<String, Object> route() {
		return RepoFiles.map(config().get("route"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return (value == null) ? List.of() : (List<String>) value;
	}

}
