package dev.ballast.core.testing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real market data lives: the shared {@code data} folder next to the checkout, never
 * inside the repository (its licence is CoinGecko's). Surefire passes it as {@code
 * ballast.shared.data}; an IDE run falls back to {@code ../shared/data} from the project root.
 * A missing folder fails the test instead of skipping it, so that a green build means the real
 * data was read.
 */
public final class SharedData {

  private SharedData() {}

  public static Path root() {
    String property = System.getProperty("ballast.shared.data");
    Path dir = property != null && !property.isBlank()
        ? Path.of(property)
        : Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
            .resolve("../shared/data");
    dir = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      fail("the shared market data is missing: no folder " + dir
          + " (set -Dballast.shared.data=<folder with coingecko/>)");
    }
    return dir;
  }

  /** The CoinGecko exports, {@code <root>/coingecko}. */
  public static Path coingecko() {
    Path dir = root().resolve("coingecko");
    if (!Files.isDirectory(dir)) {
      fail("the shared CoinGecko data is missing: no folder " + dir);
    }
    return dir;
  }
}
