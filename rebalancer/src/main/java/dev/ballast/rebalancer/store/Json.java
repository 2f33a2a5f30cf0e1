package dev.ballast.rebalancer.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ballast.core.asset.AssetId;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON written into the rebalance columns (of indices and of portfolios): dates as ISO text, a
 * missing number (NaN, e.g. a volatility still warming up) as {@code null}, weights by symbol.
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(new SimpleModule().addSerializer(Double.class, new NanAsNull())
          .addSerializer(double.class, new NanAsNull()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName()
          + " as JSON", e);
    }
  }

  /** Weights as a JSON object by symbol, in symbol order: {@code {"BTC": 0.3, ...}}. */
  public static String writeWeights(Map<AssetId, Double> weights) {
    Map<String, Double> bySymbol = new TreeMap<>();
    weights.forEach((a, w) -> bySymbol.put(a.symbol(), w));
    return write(bySymbol);
  }

  /** What {@link #writeWeights} wrote, by asset in symbol order. */
  public static Map<AssetId, Double> readWeights(String json) {
    try {
      Map<String, Double> bySymbol = MAPPER.readValue(json, new TypeReference<>() {});
      Map<AssetId, Double> out = new TreeMap<>();
      bySymbol.forEach((s, w) -> out.put(AssetId.of(s), w));
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored weights are not JSON: " + json, e);
    }
  }

  private static final class NanAsNull extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isNaN() || value.isInfinite()) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }
}
