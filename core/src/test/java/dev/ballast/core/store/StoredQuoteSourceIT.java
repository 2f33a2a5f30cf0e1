package dev.ballast.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.DailyBar;
import dev.ballast.core.price.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The stored market as a quote source, on H2 and on a real PostgreSQL. */
class StoredQuoteSourceIT {

  private static final AssetId BTC = AssetId.of("BTC");

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void theNewerOfStoredQuoteAndDailyCloseWins(TestDatabase.Engine engine) {
    Jdbi jdbi = TestDatabase.create(engine).migrated();
    StoredQuoteSource source = new StoredQuoteSource(jdbi);
    jdbi.onDemand(AssetDao.class).save(Asset.coin(BTC, "Bitcoin"));
    assertThat(source.latest(BTC)).as("no bars, no quotes").isEmpty();
    assertThat(source.latest(AssetId.of("NOPE"))).isEmpty();

    jdbi.useHandle(h -> h.attach(BarDao.class).insertAll(List.of(
        bar(LocalDate.of(2024, 3, 1), 61000.25), bar(LocalDate.of(2024, 3, 2), 62000.5))
        .iterator()));
    Quote close = source.latest(BTC).orElseThrow();
    assertThat(close.price()).isEqualByComparingTo("62000.5");
    assertThat(close.asOf()).as("the close of 03-02 is the price at 03-03 00:00 UTC")
        .isEqualTo(Instant.parse("2024-03-03T00:00:00Z"));
    assertThat(close.source()).isEqualTo(StoredQuoteSource.DAILY_CLOSE);

    QuoteDao quotes = jdbi.onDemand(QuoteDao.class);
    quotes.save(new Quote(BTC, new BigDecimal("60000"), Instant.parse("2024-03-02T12:00:00Z"),
        "exchange"));
    assertThat(source.latest(BTC)).as("an older quote loses to the close").contains(close);
    Quote sameInstant = new Quote(BTC, new BigDecimal("62001"), close.asOf(), "exchange");
    quotes.save(sameInstant);
    assertThat(source.latest(BTC)).as("a quote at the close's instant wins").contains(sameInstant);
    Quote newer = new Quote(BTC, new BigDecimal("63000.125"),
        Instant.parse("2024-03-03T09:30:00Z"), "exchange");
    quotes.save(newer);
    assertThat(source.latest(BTC)).contains(newer);
  }

  private static DailyBar bar(LocalDate date, double close) {
    return new DailyBar(BTC, date, Double.NaN, Double.NaN, Double.NaN, close, Double.NaN,
        Double.NaN);
  }
}
