package dev.ballast.core.store;

import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.Quote;
import dev.ballast.core.price.QuoteSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Quotes from the stored market: the newest of the asset's stored quotes ({@code quotes}) and
 * its latest daily close ({@code daily_bars}), whichever is more recent. A daily bar of day D
 * closes at D+1 00:00 UTC (docs/importing.md), so that is the time its close is quoted at; a
 * stored quote of the same instant wins, being the more specific record. Thread-safe.
 */
public final class StoredQuoteSource implements QuoteSource {

  /** The source named in quotes made from a daily bar's close. */
  public static final String DAILY_CLOSE = "daily-close";

  private final Jdbi jdbi;

  public StoredQuoteSource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public String name() {
    return "stored";
  }

  @Override
  public Optional<Quote> latest(AssetId asset) {
    return jdbi.withHandle(handle -> {
      Optional<Quote> stored = handle.attach(QuoteDao.class).latest(asset);
      Optional<Quote> close = handle.createQuery("SELECT bar_date, close_usd FROM daily_bars"
              + " WHERE symbol = :id ORDER BY bar_date DESC FETCH FIRST 1 ROWS ONLY")
          .bind("id", asset)
          .map((rs, ctx) -> new Quote(asset, BigDecimal.valueOf(rs.getDouble("close_usd")),
              rs.getObject("bar_date", LocalDate.class).plusDays(1).atStartOfDay()
                  .toInstant(ZoneOffset.UTC), DAILY_CLOSE))
          .findOne();
      if (stored.isEmpty()) {
        return close;
      }
      if (close.isEmpty() || !close.get().asOf().isAfter(stored.get().asOf())) {
        return stored;
      }
      return close;
    });
  }
}
