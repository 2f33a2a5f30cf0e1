package dev.ballast.rebalancer.portfolio;

/**
 * A portfolio request that cannot be done, with the request field at fault (if any) and what
 * kind of refusal it is, so that the API can answer with the right status. The message says
 * what was wrong and with which value.
 */
public final class PortfolioException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a request was refused. */
  public enum Kind {
    /** No such portfolio for this owner (also when it belongs to someone else). */
    NOT_FOUND,
    /** The request is well-formed but names something unknown or impossible (422). */
    UNPROCESSABLE,
    /** The portfolio's state does not allow it now: more withdrawn than held, no target (409). */
    CONFLICT,
    /** A price it needs cannot be had now (503). */
    UNAVAILABLE,
    /**
     * A price it would fill at is stale: its source failed and the last known one is served.
     * Like {@link #UNAVAILABLE} it passes when the source recovers, so the same request may
     * then succeed; unlike it, the portfolio's state is what refuses (409).
     */
    STALE_QUOTES
  }

  private final Kind kind;
  private final String field;

  PortfolioException(Kind kind, String field, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  static PortfolioException notFound(Object id) {
    return new PortfolioException(Kind.NOT_FOUND, "id", "no portfolio with id " + id);
  }

  static PortfolioException unprocessable(String field, String message) {
    return new PortfolioException(Kind.UNPROCESSABLE, field, message);
  }

  static PortfolioException conflict(String field, String message) {
    return new PortfolioException(Kind.CONFLICT, field, message);
  }

  static PortfolioException unavailable(String field, String message) {
    return new PortfolioException(Kind.UNAVAILABLE, field, message);
  }

  static PortfolioException staleQuotes(String field, String message) {
    return new PortfolioException(Kind.STALE_QUOTES, field, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }
}
