package id.apbdmonitor.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NationalOptionsTests {

	@Test
	void defaultsToEveryRegionOneThenThreeInstances() {
		NationalOptions options = NationalOptions.parse();
		assertThat(options.regions()).isEqualTo(546);
		assertThat(options.instances()).containsExactly(1, 3);
		assertThat(options.prometheusSeconds()).isEqualTo(240);
		assertThat(options.repeats()).isEqualTo(5);
		assertThat(options.serviceHeapMb()).isEqualTo(1024);
		assertThat(options.goodsPercent()).isEqualTo(100);
	}

	@Test
	void sendsAShareOfTheGoodsEventsWhenAsked() {
		assertThat(NationalOptions.parse("--goods-percent", "10").goodsPercent()).isEqualTo(10);
		assertThatIllegalArgumentException().isThrownBy(() -> NationalOptions.parse("--goods-percent=0"))
			.withMessage("--goods-percent must be within 1..100, was 0");
	}

	@Test
	void quickIsTwentyRegionsAndAMinuteOfPrometheus() {
		NationalOptions options = NationalOptions.parse("--quick", "--instances=3");
		assertThat(options.regions()).isEqualTo(20);
		assertThat(options.prometheusSeconds()).isEqualTo(60);
		assertThat(options.instances()).containsExactly(3);
	}

	@Test
	void namesTheOptionAndTheRangeOfAWrongValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> NationalOptions.parse("--regions", "547"))
			.withMessage("--regions must be within 1..546, was 547");
		assertThatIllegalArgumentException().isThrownBy(() -> NationalOptions.parse("--instances", "1,4"))
			.withMessage("--instances must be within 1..3, was 4");
		assertThatIllegalArgumentException().isThrownBy(() -> NationalOptions.parse("--repeats", "many"))
			.withMessage("--repeats takes a whole number, was 'many'");
		assertThatIllegalArgumentException().isThrownBy(() -> NationalOptions.parse("--regions"))
			.withMessage("--regions needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> NationalOptions.parse("--region", "5"))
			.withMessage("unknown option --region");
		assertThat(NationalOptions.usage()).startsWith("usage: infra/bench/national");
	}

	@Test
	void theScrapeTableSaysWhetherEveryOpdIsExportedExactlyOnce() {
		Drain once = new Drain(2, 10, 1, 10, 0, 0, 0, 0, Map.of(), List.of(new Scrape("a", 1, 1, 300, 1, 1),
				new Scrape("b", 1, 1, 206, 1, 1)), "", List.of(), List.of());
		Drain twice = new Drain(2, 10, 1, 10, 0, 0, 0, 0, Map.of(), List.of(new Scrape("a", 1, 1, 506, 1, 1),
				new Scrape("b", 1, 1, 12, 1, 1)), "", List.of(), List.of());
		assertThat(Drain.table(List.of(once), 506)).contains("| 2 | all | | | 506 of 506 OPDs, each once | | |");
		assertThat(Drain.table(List.of(twice), 506)).contains("518 of 506 OPDs — NOT each once");
	}

}
