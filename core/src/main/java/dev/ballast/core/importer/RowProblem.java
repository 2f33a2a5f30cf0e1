package dev.ballast.core.importer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A line of an imported file that gave no bar, and why. Immutable and thread-safe.
 *
 * @param line the 1-based line number in the file, counting the header and blank lines, so that
 *     an editor's "go to line" lands on it
 */
public record RowProblem(Path file, long line, String message) {

  public RowProblem {
    Objects.requireNonNull(file, "file");
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1-based, was " + line + " in " + file);
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException(
          "message must not be blank for line " + line + " of " + file);
    }
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
