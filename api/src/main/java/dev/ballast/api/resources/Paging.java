package dev.ballast.api.resources;

import dev.ballast.api.errors.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The {@code limit} and {@code cursor} parameters. A cursor is opaque to clients: base64url of
 * the query it belongs to and the position after the last row served, so that a cursor given
 * to a different query is refused instead of silently skipping rows.
 */
final class Paging {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private Paging() {}

  static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badRequest("limit",
        "limit must be a whole number from 1 to " + MAX_LIMIT + ", was \"" + value + "\"");
  }

  /** A cursor for {@code query} positioned at {@code position} (several parts). */
  static String encode(String query, List<String> position) {
    String text = fingerprint(query) + "\n" + String.join("\n", position);
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A short digest of the query, so that a cursor stays short whatever the filters. */
  private static String fingerprint(String query) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(query.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * The position a cursor holds, or null when no cursor was given.
   *
   * @throws ProblemException 400 if the cursor is malformed or belongs to another query
   */
  static List<String> decode(String cursor, String query, int parts) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor.strip()),
          StandardCharsets.UTF_8);
      List<String> lines = List.of(text.split("\n", -1));
      if (lines.size() == parts + 1 && lines.get(0).equals(fingerprint(query))) {
        return lines.subList(1, lines.size());
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ProblemException.badRequest("cursor", "cursor is not one this query gave out;"
        + " repeat the query without it to start from the first page");
  }

  /**
   * Keyset paging by row id: the cursor holds the id of the last row served. {@code fetch}
   * receives the id to continue from ({@code start} on the first page) and how many rows to
   * return at most ({@code limit + 1}, so that a next page shows itself), in page order.
   */
  static <R, V extends Record> Page<V> byId(String query, String cursor, int limit, long start,
      IdFetch<R> fetch, ToLongFunction<R> id, Function<R, V> view) {
    List<String> position = decode(cursor, query, 1);
    long from = start;
    if (position != null) {
      try {
        from = Long.parseLong(position.get(0));
      } catch (NumberFormatException e) {
        throw ProblemException.badRequest("cursor", "cursor is not one this query gave out");
      }
    }
    List<R> rows = fetch.rows(from, limit + 1);
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      next = encode(query, List.of(Long.toString(id.applyAsLong(rows.get(limit - 1)))));
    }
    return new Page<>(rows.stream().map(view).toList(), next);
  }

  /** Rows after (or before) an id, at most {@code max} of them. */
  @FunctionalInterface
  interface IdFetch<R> {
    List<R> rows(long fromId, int max);
  }
}
