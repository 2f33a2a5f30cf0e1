package dev.ballast.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.api.errors.Problem;
import dev.ballast.api.errors.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Runs a state-changing request at most once per owner and {@value #HEADER}: the first request
 * of a key executes and its response is stored with the key in the same transaction; a replay
 * (same key, same method, path, query and body) answers with the stored response and changes
 * nothing, marked {@code Idempotent-Replayed: true}; the same key with another request is a 422
 * problem. Between concurrent requests of one key the table's primary key decides: the second
 * waits for the first transaction and then replays its response (or, if the database gave up
 * waiting, is told with a 409 to retry).
 *
 * <p>Stored: 2xx answers and the 4xx problems the action raised while executing (more withdrawn
 * than held...), since those are its result. Not stored: a 5xx or a {@linkplain
 * ProblemException#retryable() retryable} 4xx (a stale quote), whose transaction rolls back with
 * the key, so the request may be retried with it.
 *
 * <p>Keys expire: a key first used longer than {@code retention} ago is treated as new (its
 * request executes again, replacing the old row), and {@link #purgeExpired()} deletes the
 * expired rows. Expiry is decided by the time of the key's first request, from the clock.
 *
 * <p>The action runs inside this class's transaction: JDBI hands a nested {@code
 * jdbi.inTransaction} on the same thread the same handle, so the change and its stored response
 * commit together or not at all. Thread-safe.
 */
public final class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  public static final int MAX_KEY_LENGTH = 100;
  private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1," + MAX_KEY_LENGTH + "}");
  private static final String UNIQUE_VIOLATION = "23505";

  private final Jdbi jdbi;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final Duration retention;

  /** @param retention how long a key is remembered; positive */
  public Idempotency(Jdbi jdbi, ObjectMapper mapper, Clock clock, Duration retention) {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    this.jdbi = jdbi;
    this.mapper = mapper;
    this.clock = clock;
    this.retention = retention;
  }

  /** A stored response. */
  record Stored(String fingerprint, int status, String contentType, String location,
      String body) {}

  /**
   * Runs {@code action} once for this owner and key; without a key, just runs it.
   *
   * @param key the header's value, or null
   * @param request what identifies the request: method, path with query, and body
   * @throws ProblemException 400 for a malformed key, 422 for a key reused with another request
   */
  public Response run(String owner, String key, String method, String pathAndQuery, String body,
      Supplier<Response> action) {
    if (key == null) {
      return action.get();
    }
    if (!KEY.matcher(key).matches() || key.isBlank()) {
      throw ProblemException.badRequest(HEADER, HEADER + " must be 1-" + MAX_KEY_LENGTH
          + " printable ASCII characters, not only blanks");
    }
    String fingerprint = sha256(method + " " + pathAndQuery + "\n" + (body == null ? "" : body));
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDateTime cutoff = now.minus(retention);
    Optional<Stored> earlier = find(owner, key, cutoff);
    if (earlier.isPresent()) {
      return replay(earlier.get(), fingerprint);
    }
    try {
      return jdbi.inTransaction(h -> execute(h, owner, key, fingerprint, now, cutoff, action));
    } catch (UnableToExecuteStatementException e) {
      // Another request of this key got there first and has committed: answer as it did.
      Optional<Stored> first = find(owner, key, cutoff);
      if (first.isPresent()) {
        return replay(first.get(), fingerprint);
      }
      if (isLockConflict(e)) { // it is still running (the database gave up waiting for it)
        throw ProblemException.conflict("a request with this " + HEADER + " is still running;"
            + " retry it later");
      }
      throw e;
    }
  }

  private Response execute(Handle h, String owner, String key, String fingerprint,
      LocalDateTime now, LocalDateTime cutoff, Supplier<Response> action) {
    // An expired row of this key makes way for the new request. Never a fresh row: a request
    // that committed meanwhile keeps its row, and this insert then fails (see run).
    h.createUpdate("DELETE FROM idempotency_keys WHERE owner = :owner AND idem_key = :key"
            + " AND created_at < :cutoff")
        .bind("owner", owner).bind("key", key).bind("cutoff", cutoff).execute();
    h.createUpdate("INSERT INTO idempotency_keys (owner, idem_key, fingerprint, created_at,"
            + " status, content_type, body) VALUES (:owner, :key, :fp, :at, 0, '', '')")
        .bind("owner", owner).bind("key", key).bind("fp", fingerprint)
        .bind("at", now).execute();
    h.savepoint("idempotent_action");
    Response response;
    try {
      response = action.get();
    } catch (ProblemException e) {
      if (e.retryable()) {
        throw e;
      }
      h.rollbackToSavepoint("idempotent_action");
      response = e.problem().toResponse();
    }
    String contentType = response.getMediaType() == null ? MediaType.APPLICATION_JSON
        : response.getMediaType().toString();
    String location = response.getLocation() == null ? null : response.getLocation().toString();
    String json = json(response.getEntity());
    h.createUpdate("UPDATE idempotency_keys SET status = :status, content_type = :type,"
            + " location = :location, body = :body WHERE owner = :owner AND idem_key = :key")
        .bind("status", response.getStatus()).bind("type", contentType)
        .bind("location", location).bind("body", json)
        .bind("owner", owner).bind("key", key).execute();
    return build(response.getStatus(), contentType, location, json).build();
  }

  private Response replay(Stored stored, String fingerprint) {
    if (!stored.fingerprint().equals(fingerprint)) {
      throw new ProblemException(Problem.of(Unprocessable.STATUS, "this " + HEADER
          + " was used for a different request (method, path, query or body); use a new key"
          + " for a new request", HEADER));
    }
    if (stored.status() == 0) {
      throw ProblemException.conflict("a request with this " + HEADER + " is still running;"
          + " retry it later");
    }
    return build(stored.status(), stored.contentType(), stored.location(), stored.body())
        .header("Idempotent-Replayed", "true").build();
  }

  private static Response.ResponseBuilder build(int status, String contentType, String location,
      String body) {
    Response.ResponseBuilder r = Response.status(status).type(contentType);
    if (!body.isEmpty()) {
      r.entity(body);
    }
    if (location != null) {
      r.header("Location", location);
    }
    return r;
  }

  /**
   * Deletes every key first used longer than the retention ago, in one statement (the daily
   * purge deletes about one day's keys, by the {@code created_at} index).
   *
   * @return how many keys were deleted
   */
  public int purgeExpired() {
    LocalDateTime cutoff = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
        .minus(retention);
    return jdbi.withHandle(h -> h.createUpdate(
            "DELETE FROM idempotency_keys WHERE created_at < :cutoff")
        .bind("cutoff", cutoff).execute());
  }

  /** The stored response of a key that has not expired. */
  private Optional<Stored> find(String owner, String key, LocalDateTime cutoff) {
    return jdbi.withHandle(h -> h.createQuery("SELECT fingerprint, status, content_type,"
            + " location, body FROM idempotency_keys WHERE owner = :owner AND idem_key = :key"
            + " AND created_at >= :cutoff")
        .bind("owner", owner).bind("key", key).bind("cutoff", cutoff)
        .map((rs, ctx) -> new Stored(rs.getString("fingerprint"), rs.getInt("status"),
            rs.getString("content_type"), rs.getString("location"), rs.getString("body")))
        .findOne());
  }

  private String json(Object entity) {
    if (entity == null) {
      return "";
    }
    if (entity instanceof String s) {
      return s;
    }
    try {
      return mapper.writeValueAsString(entity);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response as JSON", e);
    }
  }

  /** A unique violation (23505), or H2's lock timeout (HYT00) while waiting for the other. */
  private static boolean isLockConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState())
          || "HYT00".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** 422, which JAX-RS's Status does not name. */
  public enum Unprocessable implements Response.StatusType {
    STATUS;

    @Override
    public int getStatusCode() {
      return 422;
    }

    @Override
    public Response.Status.Family getFamily() {
      return Response.Status.Family.CLIENT_ERROR;
    }

    @Override
    public String getReasonPhrase() {
      return "Unprocessable Content";
    }
  }
}
