package dev.ballast.api.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem body: what every error of the API returns, as {@value #MEDIA_TYPE}.
 *
 * @param type a URI reference naming the kind of problem, relative to the server
 * @param field the request field (query, path or body) at fault, when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(this).build();
  }

  /** A problem of a standard kind, typed by its HTTP status. */
  public static Problem of(Response.StatusType status, String detail, String field) {
    String slug = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    return new Problem("/problems/" + slug, status.getReasonPhrase(), status.getStatusCode(),
        detail, field);
  }
}
