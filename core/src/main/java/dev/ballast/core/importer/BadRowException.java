package dev.ballast.core.importer;

/**
 * Why one row is unusable; caught by the parsers and turned into a {@link RowProblem}. Carries no
 * stack trace, because a messy file can throw thousands of them and only the message matters.
 */
final class BadRowException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadRowException(String message) {
    super(message, null, false, false);
  }
}
