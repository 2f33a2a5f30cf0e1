package dev.ballast.rebalancer.index;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The identity of an index definition: a lower-case slug ({@code top10-mcap}), used in URLs,
 * file names and Quartz job keys, so it is kept to {@code a-z}, {@code 0-9} and inner hyphens.
 * Immutable and thread-safe.
 */
public record IndexId(String value) implements Comparable<IndexId> {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

  public IndexId {
    if (value == null || !SLUG.matcher(value).matches() || value.contains("--")) {
      throw new IllegalArgumentException(
          "id must be 1-64 characters of a-z, 0-9 and single inner hyphens, was "
              + (value == null ? "null" : '"' + value + '"'));
    }
  }

  @JsonCreator
  public static IndexId of(String value) {
    return new IndexId(value);
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public int compareTo(IndexId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
