package dev.ballast.core.importer;

import static dev.ballast.core.importer.Fixtures.parse;
import static dev.ballast.core.importer.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFilesTest {

  @TempDir Path dir;

  @Test
  void anUnknownHeaderNamesTheFileAndTheExpectedHeaders() {
    Path file = write(dir, "btc.csv", "time,price", "2024-01-01,1");

    assertThatThrownBy(() -> parse(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("time,price")
        .hasMessageContaining("snapped_at,price,market_cap,total_volume")
        .hasMessageContaining("Date,Open,High,Low,Close")
        .hasMessageContaining("open_time");
  }

  @Test
  void anEmptyFileIsAClearError() throws IOException {
    Path empty = Files.writeString(dir.resolve("btc-usd-max.csv"), "\n\n");

    assertThatThrownBy(() -> parse(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("is empty");
  }

  @Test
  void aMissingFileIsAClearError() {
    assertThatThrownBy(() -> parse(dir.resolve("nope.csv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no such file")
        .hasMessageContaining("nope.csv");
  }

  @Test
  void aFolderIsNotAFile() {
    assertThatThrownBy(() -> parse(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a folder");
  }

  @Test
  void aFileNameWithoutASymbolAsksForOne() {
    Path file = write(dir, "_-usd-max.csv", "snapped_at,price,market_cap,total_volume");

    assertThatThrownBy(() -> HistoryFiles.parse(file, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give the symbol");
  }

  @Test
  void expandListsFilesAndTheCsvFilesOfFoldersSortedOnce() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("data"));
    Path b = write(folder, "b-usd-max.csv", "x");
    Path a = write(folder, "a-usd-max.csv", "x");
    write(folder, "notes.txt", "x");
    Files.createDirectory(folder.resolve("sub.csv")); // a folder is not a file
    Path upper = write(folder, "C-USD.CSV", "x");
    Path single = write(dir, "single.csv", "x");

    assertThat(HistoryFiles.expand(List.of(single, folder, b)))
        .containsExactly(single, upper, a, b);
  }

  @Test
  void expandRejectsAMissingPathByName() {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> HistoryFiles.expand(List.of(dir, missing)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no such file or folder")
        .hasMessageContaining(missing.toString());
  }
}
