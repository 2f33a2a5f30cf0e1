package dev.ballast.api.errors;

import jakarta.ws.rs.core.Response;

/** Thrown by resources to answer with a {@link Problem}; mapped by {@link ProblemMappers}. */
public final class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
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
}
