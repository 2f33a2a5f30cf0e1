package dev.ballast.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.asset.AssetId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Writes small fixture files and reads them back. */
final class Fixtures {

  private Fixtures() {}

  static Path write(Path dir, String name, String... lines) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParsedHistory parse(Path file) {
    return HistoryFiles.parse(file, Optional.empty());
  }

  static ParsedHistory parse(Path file, String symbol) {
    return HistoryFiles.parse(file, Optional.of(AssetId.of(symbol)));
  }

  static List<Long> problemLines(ParsedHistory history) {
    return history.problems().stream().map(RowProblem::line).toList();
  }

  static void assertNoProblems(ParsedHistory history) {
    assertThat(history.problems()).isEmpty();
  }
}
