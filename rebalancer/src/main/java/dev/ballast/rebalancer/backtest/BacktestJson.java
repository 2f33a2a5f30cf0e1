package dev.ballast.rebalancer.backtest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ballast.core.asset.AssetId;
import dev.ballast.rebalancer.engine.Decision;
import dev.ballast.rebalancer.order.Order;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link BacktestResult} as JSON for scripts, fields in a fixed order:
 *
 * <pre>
 * { "index": "top10-mcap", "from": "2019-01-01", "to": "2025-12-31",
 *   "metrics":   [ {"name": "top10-mcap", "description": ..., "cagr": ..., ...},   // the index
 *                  {"name": "btc-buy-and-hold", ...}, {"name": "top10-mcap-no-overlay", ...} ],
 *   "equity":    [ {"date": "2019-01-01", "top10-mcap": 999000.0, "btc-buy-and-hold": ...}, ...],
 *   "rebalances":[ {"date", "trigger", "reason", "regime", "stablecoinFraction",
 *                   "weights": {"BTC": 0.3, ...}, "orders": [...], "fees", "notes"}, ...],
 *   "warnings":  [ "survivorship bias: ...", ... ] }
 * </pre>
 *
 * <p>Metrics have the names of {@link Metrics}; an undefined one (NaN) is {@code null}. Values
 * are USD; weights are fractions after the rebalance's trades, by symbol, largest first. Order
 * quantities, prices, notionals and fees are exact decimals. Stateless and thread-safe.
 */
public final class BacktestJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private BacktestJson() {}

  /** The result as a JSON string (pretty-printed). */
  public static String write(BacktestResult result) {
    StringWriter out = new StringWriter();
    write(result, out);
    return out.toString();
  }

  /** Writes the result to a file, replacing it. */
  public static void write(BacktestResult result, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
        write(result, g);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void write(BacktestResult result, Writer out) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(result, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(BacktestResult r, JsonGenerator g) throws IOException {
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("index", r.index().value());
    g.writeStringField("from", r.from().toString());
    g.writeStringField("to", r.to().toString());

    g.writeArrayFieldStart("metrics");
    for (BacktestResult.Series s : r.series()) {
      Metrics m = s.metrics();
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeStringField("description", s.description());
      g.writeStringField("start", m.start().toString());
      g.writeStringField("end", m.end().toString());
      number(g, "totalReturn", m.totalReturn());
      number(g, "cagr", m.cagr());
      number(g, "volatility", m.volatility());
      number(g, "sharpe", m.sharpe());
      number(g, "sortino", m.sortino());
      number(g, "maxDrawdown", m.maxDrawdown());
      number(g, "calmar", m.calmar());
      number(g, "turnover", m.turnover());
      number(g, "feesPaid", m.feesPaid());
      number(g, "timeInStablecoins", m.timeInStablecoins());
      number(g, "finalValue", m.finalValue());
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeArrayFieldStart("equity");
    LocalDate day = r.from();
    for (int i = 0; i < r.days(); i++, day = day.plusDays(1)) {
      g.writeStartObject();
      g.writeStringField("date", day.toString());
      for (BacktestResult.Series s : r.series()) {
        number(g, s.name(), s.value(i));
      }
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeArrayFieldStart("rebalances");
    for (Decision d : r.rebalances()) {
      g.writeStartObject();
      g.writeStringField("date", d.marketDay().toString());
      g.writeStringField("trigger", d.trigger().name());
      g.writeStringField("reason", d.reason());
      g.writeStringField("regime", d.regime().name());
      number(g, "stablecoinFraction", d.stablecoinFraction());
      g.writeObjectFieldStart("weights");
      for (Map.Entry<AssetId, Double> e : Decision.orderedWeights(d.plan().weightsAfter())
          .entrySet()) {
        number(g, e.getKey().symbol(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("orders");
      for (Order o : d.plan().orders()) {
        g.writeStartObject();
        g.writeStringField("symbol", o.asset().symbol());
        g.writeStringField("side", o.side().name());
        g.writeNumberField("quantity", o.quantity());
        g.writeNumberField("price", o.price());
        g.writeNumberField("notional", o.notionalUsd());
        g.writeNumberField("fee", o.feeUsd());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("fees", d.plan().feesPaid());
      strings(g, "notes", d.notes());
      g.writeEndObject();
    }
    g.writeEndArray();

    strings(g, "warnings", r.warnings());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String field, double value) throws IOException {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, value);
    }
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }
}
