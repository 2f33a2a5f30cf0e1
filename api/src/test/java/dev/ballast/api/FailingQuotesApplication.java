package dev.ballast.api;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.ballast.api.quote.QuoteCache;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.price.Quote;
import dev.ballast.core.price.QuoteSource;
import dev.ballast.core.store.StoredQuoteSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The server quoting the stored market through a source that a test can make fail for chosen
 * symbols, as a live source fails when its upstream is down: the quote cache then serves the
 * last known quotes of those symbols as stale (after {@link #reloadQuotes()}).
 */
public class FailingQuotesApplication extends BallastApplication {

  /** The symbols whose quotes the source refuses to give now. */
  final Set<AssetId> failing = ConcurrentHashMap.newKeySet();

  @Override
  protected Module overrides() {
    return new AbstractModule() {
      @Provides
      @Singleton
      QuoteSource quoteSource(Jdbi jdbi) {
        QuoteSource stored = new StoredQuoteSource(jdbi);
        return new QuoteSource() {
          @Override
          public String name() {
            return "failable";
          }

          @Override
          public Optional<Quote> latest(AssetId asset) {
            if (failing.contains(asset)) {
              throw new IllegalStateException("connection refused (the test's doing)");
            }
            return stored.latest(asset);
          }
        };
      }
    };
  }

  /** Drops the cached quotes, so that the next requests ask the source again. */
  void reloadQuotes() {
    injector().getInstance(QuoteCache.class).invalidateAll();
  }

  <T> T instance(Class<T> type) {
    return injector().getInstance(type);
  }
}
