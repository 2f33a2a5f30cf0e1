package dev.ballast.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.api.auth.AuthSettings;
import dev.ballast.api.idempotency.IdempotencySettings;
import dev.ballast.api.quote.QuoteSettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Ballast's configuration. Every field has a default, so {@code java -jar ballast.jar server}
 * with no file runs on the embedded default: an H2 file database under {@code ./data} holding
 * the simulated market.
 */
public class BallastConfiguration extends Configuration {

  /**
   * The embedded default. AUTO_SERVER lets CLI commands open the database while the server has
   * it open (the first process to open the file serves it to the others over loopback). H2
   * refuses AUTO_SERVER together with DB_CLOSE_ON_EXIT=FALSE, so H2's shutdown hook stays on:
   * whatever stops on shutdown must not need the database after SIGTERM (shared/STACK.md #8).
   */
  public static final String DEFAULT_H2_URL = "jdbc:h2:file:./data/ballast;AUTO_SERVER=TRUE";

  @Valid @NotNull private DataSourceFactory database = defaultDatabase();

  @Valid @NotNull private MarketSettings market = new MarketSettings();

  @Valid @NotNull private GradingSettings grading = new GradingSettings();

  @Valid @NotNull private QuoteSettings quotes = new QuoteSettings();

  @Valid @NotNull private AuthSettings auth = new AuthSettings();

  @Valid @NotNull private IndexSettings indices = new IndexSettings();

  @Valid @NotNull private IdempotencySettings idempotency = new IdempotencySettings();

  @JsonProperty
  public IdempotencySettings getIdempotency() {
    return idempotency;
  }

  @JsonProperty
  public void setIdempotency(IdempotencySettings idempotency) {
    this.idempotency = idempotency;
  }

  @JsonProperty
  public IndexSettings getIndices() {
    return indices;
  }

  @JsonProperty
  public void setIndices(IndexSettings indices) {
    this.indices = indices;
  }

  @JsonProperty
  public QuoteSettings getQuotes() {
    return quotes;
  }

  @JsonProperty
  public void setQuotes(QuoteSettings quotes) {
    this.quotes = quotes;
  }

  @JsonProperty
  public AuthSettings getAuth() {
    return auth;
  }

  @JsonProperty
  public void setAuth(AuthSettings auth) {
    this.auth = auth;
  }

  @JsonProperty
  public GradingSettings getGrading() {
    return grading;
  }

  @JsonProperty
  public void setGrading(GradingSettings grading) {
    this.grading = grading;
  }

  @JsonProperty("database")
  public DataSourceFactory getDataSourceFactory() {
    return database;
  }

  @JsonProperty("database")
  public void setDataSourceFactory(DataSourceFactory database) {
    this.database = database;
  }

  @JsonProperty
  public MarketSettings getMarket() {
    return market;
  }

  @JsonProperty
  public void setMarket(MarketSettings market) {
    this.market = market;
  }

  private static DataSourceFactory defaultDatabase() {
    DataSourceFactory factory = new DataSourceFactory();
    factory.setDriverClass("org.h2.Driver");
    factory.setUrl(DEFAULT_H2_URL);
    factory.setUser("sa");
    factory.setPassword("");
    factory.setValidationQuery("SELECT 1");
    return factory;
  }
}
