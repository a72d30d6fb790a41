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
	 * An alert of another region than the home one (DINKES of Kabupaten Sleman): the subject names
	 * that region (the rules' region_name annotation), not the home region; the text names it after
	 * the OPD (the rules' deskripsi).
	 */
	@Test
	void anAlertOfAnotherRegionNamesItsRegion(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
		Path data = temp.resolve("sleman.json");
		Files.writeString(data, SLEMAN_DATA);

		assertThat(render(data, "apbd.id.subject"))
			.isEqualTo("[Kabupaten Sleman] PERINGATAN: Realisasi di bawah anggaran kas — Dinas Kesehatan (DINKES)");
		assertThat(render(data, "apbd.id.text")).contains("Dinas Kesehatan (DINKES) Kabupaten Sleman baru merealisasikan 60%");
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
			{"receiver":"opd-dinkes","status":"firing","externalURL":"https://apbd.kota-bima.example",
			 "groupLabels":{"alertname":"ApbdOpdBehindCashPlan","opd":"DINKES"},
			 "commonLabels":{"alertname":"ApbdOpdBehindCashPlan","opd":"DINKES","pemda":"34.04","severity":"warning",
			 "category":"goods","job":"goods-spending"},
			 "commonAnnotations":{"opd_name":"Dinas Kesehatan","region_name":"Kabupaten Sleman"},
			 "alerts":[{"status":"firing","labels":{"alertname":"ApbdOpdBehindCashPlan","opd":"DINKES","pemda":"34.04",
			  "severity":"warning","category":"goods","job":"goods-spending"},
			  "annotations":{"opd_name":"Dinas Kesehatan","region_name":"Kabupaten Sleman",
			  "deskripsi":"Dinas Kesehatan (DINKES) Kabupaten Sleman baru merealisasikan 60% dari anggaran kas belanja barang sampai hari ini: Rp 6 miliar dari Rp 10 miliar (di bawah 75 % selama 3 hari).",
			  "runbook_url":"docs/runbook.md#apbdopdbehindcashplan"},
			  "startsAt":"2026-03-02T01:30:00Z","endsAt":"0001-01-01T00:00:00Z"}]}""";

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
