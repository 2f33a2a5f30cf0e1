package dev.ballast.core.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads a file line by line, counting 1-based line numbers and skipping blank lines (a trailing
 * newline or an empty last line is normal, not a problem). Not thread-safe.
 */
final class Lines {

  private final BufferedReader reader;
  private final Path file;
  private long number;

  Lines(BufferedReader reader, Path file) {
    this.reader = reader;
    this.file = file;
  }

  /** The next non-blank line, or null at the end of the file. */
  String next() {
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        number++;
        if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1); // a byte-order mark, as Excel writes it
        }
        if (!line.isBlank()) {
          return line;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " at line " + (number + 1), e);
    }
  }

  /** The 1-based number of the line last returned by {@link #next()}. */
  long number() {
    return number;
  }

  Path file() {
    return file;
  }
}
