package dev.ballast.api;

import com.github.benmanes.caffeine.cache.Ticker;
import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.ballast.api.auth.ApiKeys;
import dev.ballast.api.auth.AuthFeature;
import dev.ballast.api.auth.AuthSettings;
import dev.ballast.api.auth.ClientAddressFilter;
import dev.ballast.api.auth.Gate;
import dev.ballast.api.docs.DocsResource;
import dev.ballast.api.docs.OpenApiDocument;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ballast.api.idempotency.Idempotency;
import dev.ballast.api.idempotency.IdempotencySettings;
import dev.ballast.api.quote.QuoteCache;
import dev.ballast.api.quote.QuoteSettings;
import dev.ballast.api.resources.FastPaths;
import dev.ballast.api.resources.KeyResource;
import dev.ballast.api.resources.PingResource;
import dev.ballast.api.resources.PortfolioResource;
import dev.ballast.api.resources.QuoteResource;
import dev.ballast.core.price.QuoteSource;
import dev.ballast.core.store.StoredQuoteSource;
import dev.ballast.rebalancer.portfolio.PortfolioQuotes;
import dev.ballast.rebalancer.portfolio.PortfolioService;
import dev.ballast.rebalancer.schedule.IndexService;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.servlet.jakarta.exporter.MetricsServlet;
import java.time.Clock;
import java.time.Duration;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;

/**
 * The API's conventions and the owners' API, wired in one place: the quote cache and its
 * resource, API keys with roles and rate limits, portfolios with idempotent POSTs, ping, the
 * OpenAPI document and Swagger UI, and Prometheus metrics on the admin port.
 */
final class ApiFeatures {

  private ApiFeatures() {}

  /** The Guice bindings: the quote source (replace it to quote from elsewhere), cache and keys. */
  static Module module(BallastConfiguration config) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(QuoteSettings.class).toInstance(config.getQuotes());
        bind(AuthSettings.class).toInstance(config.getAuth());
        bind(IdempotencySettings.class).toInstance(config.getIdempotency());
      }

      @Provides
      @Singleton
      QuoteSource quoteSource(Jdbi jdbi) {
        return new StoredQuoteSource(jdbi);
      }

      @Provides
      @Singleton
      QuoteCache quoteCache(QuoteSource source, QuoteSettings settings) {
        return new QuoteCache(source, settings, Ticker.systemTicker(), ForkJoinPool.commonPool());
      }

      @Provides
      @Singleton
      PortfolioService portfolioService(Jdbi jdbi, QuoteCache cache, IndexService indices,
          Clock clock) {
        // Valued and filled at the cached quotes, never filled at stale ones (the cache says
        // which); follows every stored index rebalance.
        PortfolioQuotes quotes = asset -> cache.get(asset)
            .map(q -> new PortfolioQuotes.Current(q.quote(), q.stale()));
        PortfolioService service = new PortfolioService(jdbi, quotes, indices, clock,
            PortfolioService.Settings.defaults());
        indices.addListener(service);
        return service;
      }

      @Provides
      @Singleton
      Idempotency idempotency(Jdbi jdbi, Clock clock, IdempotencySettings settings) {
        return new Idempotency(jdbi, Jackson.newObjectMapper()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS), clock,
            Duration.ofNanos(settings.getRetention().toNanoseconds()));
      }

      @Provides
      @Singleton
      Gate gate(ApiKeys keys, AuthSettings settings) {
        return new Gate(keys, settings);
      }

      @Provides
      @Singleton
      ApiKeys apiKeys(Jdbi jdbi, Clock clock, AuthSettings settings) {
        return new ApiKeys(jdbi, clock,
            Duration.ofNanos(settings.getKeyCacheTtl().toNanoseconds()), Ticker.systemTicker());
      }
    };
  }

  /**
   * Registers filters, resources and servlets.
   *
   * @param loading true while the first market data is loading (the fast paths stand aside)
   */
  static void register(BallastConfiguration config, Environment environment, Injector injector,
      BooleanSupplier loading) {
    environment.servlets().addFilter("client-address", new ClientAddressFilter())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    if (config.getQuotes().isFastPath() && jerseyAtRoot(config)) {
      environment.servlets().addFilter("fast-paths", new FastPaths(
              injector.getInstance(Gate.class), injector.getInstance(QuoteCache.class),
              injector.getInstance(Clock.class), environment.getObjectMapper(), loading,
              environment.metrics().counter(FastPaths.SERVED_METRIC)))
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }
    environment.jersey().register(new AuthFeature(injector.getInstance(Gate.class)));
    environment.jersey().register(RolesAllowedDynamicFeature.class);
    for (Class<?> resource : List.of(PingResource.class, QuoteResource.class,
        KeyResource.class, PortfolioResource.class)) {
      environment.jersey().register(injector.getInstance(resource));
    }
    environment.jersey().register(new OpenApiDocument());
    environment.jersey().register(new DocsResource());

    injector.getInstance(QuoteCache.class).registerMetrics(environment.metrics());
    CollectorRegistry prometheus = new CollectorRegistry();
    prometheus.register(new DropwizardExports(environment.metrics()));
    environment.admin().addServlet("prometheus", new MetricsServlet(prometheus))
        .addMapping("/prometheus");
  }

  /** Whether Jersey serves the application's root, where the fast paths answer for it. */
  private static boolean jerseyAtRoot(BallastConfiguration config) {
    return !(config.getServerFactory() instanceof AbstractServerFactory server)
        || server.getJerseyRootPath().map("/*"::equals).orElse(true);
  }
}
