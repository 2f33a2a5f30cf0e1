package dev.ballast.ratings.indicator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The real BTC daily history CoinGecko publishes ({@code coingecko/btc-usd-max.csv}, columns {@code
 * snapped_at,price,market_cap,total_volume}), read with a few lines here because tests of indicator
 * maths should not depend on the importer. The data directory comes from the system property {@code
 * ballast.shared.data} (surefire sets it), else {@code ../shared/data} beside the project root. A
 * missing file fails the test: a differential test that quietly skips proves nothing.
 */
record BtcHistory(LocalDate[] dates, double[] close, double[] volume) {

  static BtcHistory load() {
    Path file = dataDirectory().resolve("coingecko").resolve("btc-usd-max.csv");
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(
          "BTC history not found at "
              + file.toAbsolutePath()
              + " (set -Dballast.shared.data to the shared data directory)");
    }
    try {
      List<String> lines = Files.readAllLines(file);
      int n = lines.size() - 1;
      LocalDate[] dates = new LocalDate[n];
      double[] close = new double[n];
      double[] volume = new double[n];
      for (int i = 0; i < n; i++) {
        String[] cells = lines.get(i + 1).split(",", -1);
        dates[i] = LocalDate.parse(cells[0].substring(0, 10));
        close[i] = Double.parseDouble(cells[1]);
        volume[i] = cells[3].isBlank() ? Double.NaN : Double.parseDouble(cells[3]);
      }
      return new BtcHistory(dates, close, volume);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path dataDirectory() {
    String configured = System.getProperty("ballast.shared.data");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    // Surefire runs in the module directory; the project root is its parent.
    Path cwd = Path.of("").toAbsolutePath();
    Path root = Files.isDirectory(cwd.resolve("ratings")) ? cwd : cwd.getParent();
    return root.resolve("..").resolve("shared").resolve("data").normalize();
  }

  int size() {
    return close.length;
  }
}
