package dev.ballast.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.core.asset.AssetRegistry;
import dev.ballast.core.importer.HistoryImporter;
import dev.ballast.core.store.Database;
import dev.ballast.core.store.MarketStore;
import dev.ballast.core.store.TestDatabase;
import dev.ballast.core.testing.SharedData;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server on PostgreSQL with real, imported history, configured by the shipped example
 * {@code config/postgres.yml} (its database and ports overridden to the test's).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostgresServerIT {

  private static final TestDatabase DB = TestDatabase.postgres();

  static final DropwizardAppExtension<BallastConfiguration> APP = new DropwizardAppExtension<>(
      BallastApplication.class,
      Path.of("..", "config", "postgres.yml").toAbsolutePath().toString(),
      ConfigOverride.config("database.url", DB.url()),
      ConfigOverride.config("database.user", DB.user()),
      ConfigOverride.config("database.password", DB.password()),
      ConfigOverride.config("server.applicationConnectors[0].port", "0"),
      ConfigOverride.config("server.adminConnectors[0].port", "0"),
      ConfigOverride.config("logging.level", "WARN"));

  private Response get(String path, int port) {
    return APP.client().target("http://127.0.0.1:" + port + path).request().get();
  }

  @Test
  void servesImportedHistoryFromPostgres() {
    assertThat(APP.getConfiguration().getMarket().isSimulated()).isFalse();
    Response empty = get("/healthcheck", APP.getAdminPort());
    assertThat(empty.readEntity(JsonNode.class).get("market-data").get("healthy").asBoolean())
        .as("no market data yet").isFalse();

    // The import command's service, on the server's database while the server runs.
    new HistoryImporter(new MarketStore(Database.jdbi(DB.dataSource()), Clock.systemUTC()),
        AssetRegistry.builtIn()).importAll(
            List.of(SharedData.coingecko().resolve("btc-usd-max.csv"),
                SharedData.coingecko().resolve("usdc-usd-max.csv")),
            HistoryImporter.Options.defaults(), (r, done, total) -> { });

    JsonNode assets = get("/v1/assets", APP.getLocalPort()).readEntity(JsonNode.class);
    assertThat(assets.get("assets")).extracting(a -> a.get("symbol").asText())
        .containsExactly("BTC", "USDC");
    JsonNode bars = get("/v1/assets/BTC/bars?from=2020-03-12&to=2020-03-12", APP.getLocalPort())
        .readEntity(JsonNode.class).get("bars");
    assertThat(bars).hasSize(1);
    assertThat(bars.get(0).get("close").asDouble()).isBetween(4000.0, 6000.0);
    assertThat(bars.get(0).get("open").isNull()).as("CoinGecko has no opens").isTrue();

    JsonNode health = get("/healthcheck", APP.getAdminPort()).readEntity(JsonNode.class);
    assertThat(health.get("market-data").get("message").asText()).startsWith("imported");
  }
}
