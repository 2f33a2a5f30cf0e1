package dev.ballast.core.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column names of a header line, looked up case- and blank-insensitively. Immutable. */
final class Header {

  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  Header(String[] fields) {
    names = List.of(fields);
    for (int i = 0; i < fields.length; i++) {
      index.putIfAbsent(Csv.normalizeName(fields[i]), i); // the first of two equal names wins
    }
  }

  int size() {
    return names.size();
  }

  List<String> names() {
    return names;
  }

  boolean has(String name) {
    return index.containsKey(name);
  }

  boolean hasAll(String... names) {
    for (String name : names) {
      if (!has(name)) {
        return false;
      }
    }
    return true;
  }

  /** The position of a column; -1 when absent. */
  int index(String name) {
    return index.getOrDefault(name, -1);
  }

  String first() {
    return names.isEmpty() ? "" : Csv.normalizeName(names.get(0));
  }
}
