package dev.ballast.api.resources;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Keyset paging of one asset's daily history: the cursor holds the last day served. */
final class Histories {

  private Histories() {}

  /**
   * A page of up to {@code limit} rows; {@code fetch} receives the day after which to start
   * and must return up to {@code limit + 1} rows, oldest first.
   */
  static <R, V extends Record> Page<V> page(String query, String cursor, int limit,
      Function<Optional<String>, List<R>> fetch, Function<R, LocalDate> dateOf,
      Function<R, V> view) {
    List<String> position = Paging.decode(cursor, query, 1);
    Optional<String> after = position == null ? Optional.empty() : Optional.of(position.get(0));
    if (after.isPresent()) {
      Params.date("cursor", after.get(), null);
    }
    List<R> rows = fetch.apply(after);
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      next = Paging.encode(query, List.of(dateOf.apply(rows.get(limit - 1)).toString()));
    }
    return new Page<>(rows.stream().map(view).toList(), next);
  }
}
