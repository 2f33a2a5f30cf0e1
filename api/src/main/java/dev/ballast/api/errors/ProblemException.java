package dev.ballast.api.errors;

import jakarta.ws.rs.core.Response;

/** Thrown by resources to answer with a {@link Problem}; mapped by {@link ProblemMappers}. */
public final class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final boolean retryable;

  public ProblemException(Problem problem) {
    this(problem, false);
  }

  /**
   * @param retryable true if the same request may succeed later as it is, the refusal coming
   *     from a passing condition (a stale quote) rather than from the request or the stored
   *     state; such a refusal is not stored as the request's result under an Idempotency-Key
   */
  public ProblemException(Problem problem, boolean retryable) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
    this.retryable = retryable;
  }

  public static ProblemException badRequest(String field, String detail) {
    return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, detail, field));
  }

  public static ProblemException notFound(String field, String detail) {
    return new ProblemException(Problem.of(Response.Status.NOT_FOUND, detail, field));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(Response.Status.CONFLICT, detail, null));
  }

  public Problem problem() {
    return problem;
  }

  /** Whether the same request may succeed later as it is (5xx problems always may). */
  public boolean retryable() {
    return retryable || problem.status() >= 500;
  }
}
