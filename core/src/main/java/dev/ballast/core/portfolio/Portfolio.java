package dev.ballast.core.portfolio;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A portfolio as stored: its id, its owner and name, and when it was made. What it holds, its
 * target and its history are kept apart. Immutable and thread-safe.
 *
 * @param owner the name of the API key that owns it (not the key's id: a key can be rotated by
 *     making a new key of the same name and revoking the old one)
 */
public record Portfolio(PortfolioId id, String owner, String name, Instant createdAt) {

  public static final int MAX_NAME_LENGTH = 100;

  /**
   * Letters, digits, spaces and a little punctuation. No {@code < > ; " \ `} and no control
   * characters: a name shows up in lists, logs, terminals and web pages.
   */
  private static final Pattern NAME = Pattern.compile(
      "[\\p{L}\\p{N}][\\p{L}\\p{N} ._@+&(),#'!?:/-]{0," + (MAX_NAME_LENGTH - 1) + "}");

  public Portfolio {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    name = checkName(name);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Checks a portfolio name: 1 to 100 characters after stripping surrounding blanks, starting
   * with a letter or digit; letters, digits, spaces and {@code . _ @ + & ( ) , # ' ! ? : / -}.
   *
   * @return the stripped name
   * @throws IllegalArgumentException naming the bad value
   */
  public static String checkName(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name is required");
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH
          + " characters, was " + stripped.length());
    }
    if (!NAME.matcher(stripped).matches()) {
      throw new IllegalArgumentException("name must be letters, digits, spaces or"
          + " . _ @ + & ( ) , # ' ! ? : / -, starting with a letter or digit, was "
          + Amounts.quote(name));
    }
    return stripped;
  }
}
