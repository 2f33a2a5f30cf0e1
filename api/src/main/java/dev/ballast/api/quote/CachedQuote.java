package dev.ballast.api.quote;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.ballast.core.price.Quote;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A quote as the cache holds it: the quote, whether it is stale (the source failed and this is
 * the last one known), when it was loaded, and its JSON made once, so that serving it from the
 * cache costs no serialisation. Immutable and thread-safe.
 *
 * <p>The JSON is {@code {"symbol","price","source","time","ageSeconds","stale"}}; only
 * {@code ageSeconds} changes between requests, so the prefix before it is kept as bytes and the
 * {@linkplain #etag() ETag} is weak: two answers with the same ETag are the same quote, perhaps
 * seen at different ages.
 */
public final class CachedQuote {

  private final Quote quote;
  private final boolean stale;
  private final long loadedNanos;
  private final byte[] prefix;
  private final byte[] suffix;
  private final String etag;

  CachedQuote(Quote quote, boolean stale, long loadedNanos) {
    this.quote = Objects.requireNonNull(quote, "quote");
    this.stale = stale;
    this.loadedNanos = loadedNanos;
    JsonStringEncoder json = JsonStringEncoder.getInstance();
    String head = "{\"symbol\":\"" + quote.asset().symbol() + "\",\"price\":"
        + quote.price().toPlainString() + ",\"source\":\""
        + new String(json.quoteAsString(quote.source())) + "\",\"time\":\"" + quote.asOf()
        + "\",\"ageSeconds\":";
    this.prefix = head.getBytes(StandardCharsets.UTF_8);
    this.suffix = (",\"stale\":" + stale + "}").getBytes(StandardCharsets.UTF_8);
    this.etag = "W/\"" + digest(head + stale) + "\"";
  }

  public Quote quote() {
    return quote;
  }

  /** True if the source failed and this is the last quote known from it. */
  public boolean stale() {
    return stale;
  }

  /** When the cache loaded it, on the cache's ticker (nanoseconds). */
  long loadedNanos() {
    return loadedNanos;
  }

  /** A weak entity tag ({@code W/"..."}) that changes when the quote or its staleness does. */
  public String etag() {
    return etag;
  }

  /** Whole seconds from the quote's time to {@code now}, never negative. */
  public long ageSeconds(Instant now) {
    return Math.max(0, now.getEpochSecond() - quote.asOf().getEpochSecond());
  }

  /** The JSON object of this quote as seen at {@code now}, UTF-8. */
  public byte[] json(Instant now) {
    byte[] age = Long.toString(ageSeconds(now)).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + age.length + suffix.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(age, 0, out, prefix.length, age.length);
    System.arraycopy(suffix, 0, out, prefix.length + age.length, suffix.length);
    return out;
  }

  /** A short, stable hex digest of a text (SHA-256, 12 bytes): for entity tags. */
  public static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "CachedQuote[" + quote + (stale ? ", stale" : "") + "]";
  }
}
