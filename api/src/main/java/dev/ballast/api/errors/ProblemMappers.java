package dev.ballast.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception that reaches Jersey into a {@link Problem}, so that a client never sees
 * a stack trace or an HTML error page. Replaces Dropwizard's default mappers.
 */
public final class ProblemMappers {

  private ProblemMappers() {}

  /** All the mappers, to register with Jersey. */
  public static List<Object> all() {
    return List.of(new Thrown(), new Web(), new Json(), new Violations(), new Problems());
  }

  /** A problem a resource raised on purpose. */
  static final class Problems implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException e) {
      return e.problem().toResponse();
    }
  }

  /** Jersey's own errors: unknown paths, wrong methods, unsupported media types. */
  static final class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response.StatusType status = e.getResponse().getStatusInfo();
      String detail = switch (status.getStatusCode()) {
        case 404 -> "no resource at this path; the API lives under /v1";
        case 405 -> "this method is not allowed here";
        case 406 -> "cannot produce the requested media type";
        case 415 -> "unsupported request media type; send application/json";
        default -> e.getMessage();
      };
      Response response = Problem.of(status, detail, null).toResponse();
      if (status.getStatusCode() == 405 && e.getResponse().getHeaderString("Allow") != null) {
        return Response.fromResponse(response)
            .header("Allow", e.getResponse().getHeaderString("Allow")).build();
      }
      return response;
    }
  }

  /** Malformed JSON and JSON of the wrong shape, naming the field at fault. */
  static final class Json implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      String field = null;
      if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        field = mapping.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
      }
      return Problem.of(Response.Status.BAD_REQUEST, "invalid JSON: " + e.getOriginalMessage(),
          field).toResponse();
    }
  }

  /** Bean-validation failures on request bodies and parameters. */
  static final class Violations implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
      String path = first.getPropertyPath().toString();
      String field = path.substring(path.lastIndexOf('.') + 1);
      String detail = e.getConstraintViolations().stream()
          .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage())
          .sorted().collect(Collectors.joining("; "));
      return Problem.of(Response.Status.BAD_REQUEST, detail, field).toResponse();
    }

    private static String lastNode(String path) {
      return path.substring(path.lastIndexOf('.') + 1);
    }
  }

  /** Anything else is our fault: log it with an id the client can quote, show no internals. */
  static final class Thrown implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(Thrown.class);

    @Override
    public Response toResponse(Throwable e) {
      String id = UUID.randomUUID().toString();
      LOG.error("unhandled error {}", id, e);
      return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
          "an internal error occurred; it was logged with id " + id, null).toResponse();
    }
  }
}
