package dev.ballast.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates, finds, revokes and checks API keys. A key is {@value #PREFIX} and 256 random bits
 * in base64url (43 characters); only its SHA-256 is stored, and a presented key is checked by
 * looking its hash up, so no comparison ever runs over the key's characters.
 *
 * <p>Checks are cached for {@code cacheTtl}: a revocation made in this process takes effect at
 * once, one made by another process (the CLI, another node) after at most {@code cacheTtl}.
 * {@code last_used_at} is written when a key is looked up in the database, so it is as precise as
 * that period. Thread-safe.
 */
public final class ApiKeys {

  public static final String PREFIX = "bk_";
  public static final int MAX_NAME_LENGTH = 100;
  private static final int KEY_BYTES = 32;
  private static final Pattern KEY = Pattern.compile("bk_[A-Za-z0-9_-]{43}");
  /** Letters, digits and a few separators: names show up in lists, logs and terminals. */
  private static final Pattern NAME =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@+-]{0," + (MAX_NAME_LENGTH - 1) + "}");

  private final Jdbi jdbi;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Cache<String, Optional<ApiPrincipal>> byHash;

  public ApiKeys(Jdbi jdbi, Clock clock, Duration cacheTtl, Ticker ticker) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.byHash = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(10_000)
        .ticker(ticker).build();
  }

  /** A new key and the only copy of its secret. */
  public record Created(ApiKey key, String secret) {}

  /**
   * Makes a key.
   *
   * @throws IllegalArgumentException if the name is blank, too long or has odd characters
   */
  public Created create(String name, Role role) {
    String checked = checkName(name);
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    long id = jdbi.withExtension(ApiKeyDao.class, dao ->
        dao.insert(checked, role.id(), hash(secret), ApiKeyDao.utc(clock.instant())));
    return new Created(find(id).orElseThrow(), secret);
  }

  /** Refuses names that are blank, longer than 100 characters or not letters, digits, {@code ._@+-} and spaces. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name.strip()).matches()) {
      throw new IllegalArgumentException("name must be 1-" + MAX_NAME_LENGTH + " letters, digits,"
          + " spaces or . _ @ + -, starting with a letter or digit, was " + (name == null ? "nothing"
              : "\"" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "\""));
    }
    return name.strip();
  }

  /** Who holds a presented key, if it is well-formed, known and not revoked. */
  public Optional<ApiPrincipal> authenticate(String presented) {
    if (presented == null || !KEY.matcher(presented).matches()) {
      return Optional.empty();
    }
    return byHash.get(hash(presented), this::lookUp);
  }

  private Optional<ApiPrincipal> lookUp(String hash) {
    return jdbi.withExtension(ApiKeyDao.class, dao -> {
      Optional<ApiKey> key = dao.activeByHash(hash);
      key.ifPresent(k -> dao.touch(k.id(), ApiKeyDao.utc(clock.instant())));
      return key.map(k -> new ApiPrincipal(k.id(), k.name(), k.role()));
    });
  }

  public Optional<ApiKey> find(long id) {
    return jdbi.withExtension(ApiKeyDao.class, dao -> dao.find(id));
  }

  /** Keys by id, after {@code afterId}, at most {@code limit}; revoked ones included. */
  public List<ApiKey> page(long afterId, int limit) {
    return jdbi.withExtension(ApiKeyDao.class, dao -> dao.page(afterId, limit));
  }

  /**
   * Revokes a key; revoking a revoked key changes nothing.
   *
   * @return the key as it is now, or empty if there is no key of this id
   */
  public Optional<ApiKey> revoke(long id) {
    Optional<ApiKey> key = jdbi.inTransaction(handle -> {
      ApiKeyDao dao = handle.attach(ApiKeyDao.class);
      dao.revoke(id, ApiKeyDao.utc(clock.instant()));
      return dao.find(id);
    });
    forget(id);
    return key;
  }

  /** Revokes every active key of this name; returns how many. */
  public int revokeByName(String name) {
    List<Long> ids = jdbi.withExtension(ApiKeyDao.class, dao -> dao.activeIdsByName(name));
    ids.forEach(this::revoke);
    return ids.size();
  }

  private void forget(long id) {
    byHash.asMap().values().removeIf(p -> p.isPresent() && p.get().keyId() == id);
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
