package dev.ballast.ratings.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.market.sim.SimulatedMarket;
import dev.ballast.core.market.sim.SimulationSettings;
import dev.ballast.core.store.DatasetOrigin;
import dev.ballast.core.store.MarketStore;
import dev.ballast.core.store.TestDatabase;
import dev.ballast.ratings.grade.Grade;
import dev.ballast.ratings.peg.PegHealth;
import dev.ballast.ratings.peg.PegStatus;
import dev.ballast.ratings.store.GradeDao;
import dev.ballast.ratings.store.GradeDao.GradeFilter;
import dev.ballast.ratings.store.GradeDao.GradeSort;
import dev.ballast.ratings.store.PegHealthDao;
import dev.ballast.ratings.store.StoredGrade;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Grading the stored (simulated) market and storing grades, signals and peg health, on H2 and
 * PostgreSQL: idempotent, exact round trips, and the daily catch-up.
 */
class RatingServiceIT {

  /** A small market (12 coins, 3 years) that still holds both scripted stablecoin events. */
  private static final SimulatedMarket MARKET = SimulatedMarket.generate(new SimulationSettings(
      42, LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31), 12));

  private static Jdbi loaded(TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    new MarketStore(jdbi, Clock.systemUTC()).loadIfEmpty(DatasetOrigin.SIMULATED, "sim",
        MARKET.assets(), MARKET.allSeries());
    return jdbi;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void storesWhatItComputedAndGradingTwiceChangesNothing(TestDatabase.Engine engine) {
    Jdbi jdbi = loaded(engine);
    RatingService service = new RatingService(jdbi, RatingService.Settings.defaults());
    LocalDate from = LocalDate.of(2023, 3, 1);
    LocalDate to = LocalDate.of(2023, 3, 31);
    List<LocalDate> progress = new ArrayList<>();

    RatingService.Run run = service.grade(from, to, (through, done, total) -> progress.add(through));

    assertThat(run.days()).isEqualTo(31);
    assertThat(progress).last().isEqualTo(to);
    RatingService.Graded graded = service.compute(to);
    // Assets with neither grade (the gold-pegged coin has no USD peg to judge) are not stored.
    List<Grade> expected = graded.grades().gradesOn(LocalDate.of(2023, 3, 15)).stream()
        .filter(g -> g.hasTraderGrade() || g.hasInvestorGrade()).toList();
    assertThat(expected).hasSizeGreaterThan(15);
    List<StoredGrade> stored = jdbi.onDemand(GradeDao.class).day(LocalDate.of(2023, 3, 15),
        GradeFilter.none(), GradeSort.SYMBOL, false, 0, 500);
    assertThat(stored).extracting(StoredGrade::grade)
        .containsExactlyInAnyOrderElementsOf(expected);
    long rows = jdbi.onDemand(GradeDao.class).count();
    assertThat(rows).isEqualTo(run.grades());

    service.grade(from, to, RatingService.Progress.NONE);
    assertThat(jdbi.onDemand(GradeDao.class).count()).isEqualTo(rows);
    assertThat(jdbi.onDemand(GradeDao.class).day(LocalDate.of(2023, 3, 15), GradeFilter.none(),
        GradeSort.SYMBOL, false, 0, 500)).isEqualTo(stored);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void storesPegHealthThatCatchesTheFiatDepeg(TestDatabase.Engine engine) {
    Jdbi jdbi = loaded(engine);
    RatingService service = new RatingService(jdbi, RatingService.Settings.defaults());
    var event = MARKET.events().stream()
        .filter(e -> MARKET.assets().stream().anyMatch(a -> a.id().equals(e.asset())
            && a.stablecoin() != null
            && a.stablecoin().collateral() == dev.ballast.core.asset.Collateral.FIAT_BACKED))
        .findFirst().orElseThrow();

    service.grade(event.start().minusDays(10), event.end().plusDays(20),
        RatingService.Progress.NONE);

    List<PegHealth> history = jdbi.onDemand(PegHealthDao.class).history(event.asset(),
        event.start().minusDays(10), event.end().plusDays(20), Optional.empty(), 500);
    assertThat(history).extracting(PegHealth::status).contains(PegStatus.DEPEG);
    assertThat(history.get(0).status()).isEqualTo(PegStatus.ON_PEG);
    assertThat(history.get(history.size() - 1).status()).isEqualTo(PegStatus.ON_PEG);
    PegHealth worst = history.stream().filter(h -> h.status() == PegStatus.DEPEG).findFirst()
        .orElseThrow();
    assertThat(worst.reasons()).isNotEmpty();
    assertThat(service.compute(event.end().plusDays(20)).pegs()
        .on(event.asset(), worst.date())).contains(worst);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aDayMissingFromAStablecoinsHistoryIsSkippedNotRepeated(TestDatabase.Engine engine) {
    Jdbi jdbi = loaded(engine);
    var stablecoin = MARKET.assets().stream().filter(a -> a.isStablecoin()).findFirst()
        .orElseThrow().id();
    LocalDate gap = LocalDate.of(2023, 6, 10);
    jdbi.useHandle(h -> h.execute("DELETE FROM daily_bars WHERE symbol = ? AND bar_date = ?",
        stablecoin.symbol(), gap));
    RatingService service = new RatingService(jdbi, RatingService.Settings.defaults());

    service.grade(gap.minusDays(5), gap.plusDays(5), RatingService.Progress.NONE);

    List<PegHealth> rows = jdbi.onDemand(PegHealthDao.class).history(stablecoin,
        gap.minusDays(5), gap.plusDays(5), Optional.empty(), 100);
    assertThat(rows).hasSize(10).extracting(PegHealth::date).doesNotContain(gap)
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void theDailyRunGradesOnlyNewDays(TestDatabase.Engine engine) {
    Jdbi jdbi = loaded(engine);
    RatingService service = new RatingService(jdbi, RatingService.Settings.defaults());

    RatingService.Run first = service.gradeNewDays(30, RatingService.Progress.NONE).orElseThrow();
    assertThat(first.to()).isEqualTo(service.lastMarketDay().orElseThrow());
    assertThat(first.days()).isEqualTo(30);
    assertThat(service.gradeNewDays(30, RatingService.Progress.NONE)).isEmpty();
    assertThatThrownBy(() -> service.grade(first.to(), first.from(), RatingService.Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
