package dev.ballast.api.resources;

import dev.ballast.api.errors.Problem;
import dev.ballast.api.errors.ProblemException;
import dev.ballast.api.quote.CachedQuote;
import dev.ballast.api.quote.QuoteCache;
import dev.ballast.api.quote.QuoteSettings;
import dev.ballast.api.quote.QuoteUnavailableException;
import dev.ballast.core.asset.AssetId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Current prices from the quote cache. A cache hit touches no database and serialises nothing:
 * the quote's JSON was made when it was loaded. Answers carry a weak {@code ETag} and {@code
 * Cache-Control: max-age} (the time left before the cache reloads the quote), and a matching
 * {@code If-None-Match} gets {@code 304 Not Modified}.
 */
@Path("/v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
public final class QuoteResource {

  private static final byte[] LIST_START = "{\"quotes\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LIST_END = "]}".getBytes(StandardCharsets.UTF_8);
  /** Seconds a client should wait after a 503 for a quote. */
  static final String RETRY_AFTER = "5";

  private final QuoteCache cache;
  private final Clock clock;
  private final int maxSymbols;

  @Inject
  QuoteResource(QuoteCache cache, Clock clock, QuoteSettings settings) {
    this.cache = cache;
    this.clock = clock;
    this.maxSymbols = settings.getMaxSymbols();
  }

  @GET
  @Path("/{symbol}")
  @Operation(summary = "The current price of one asset, from the quote cache",
      responses = {
          @ApiResponse(responseCode = "200", content = @Content(
              schema = @Schema(implementation = QuoteView.class))),
          @ApiResponse(responseCode = "304", description = "If-None-Match matched the ETag"),
          @ApiResponse(responseCode = "404", description = "no asset or no price for the symbol"),
          @ApiResponse(responseCode = "503", description = "the source failed, no quote known")})
  public Response one(
      @Context UriInfo uri,
      @PathParam("symbol") String symbol,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    if (uri.getRequestUri().getRawQuery() != null) { // the hot path has none: skip parsing
      Params.onlyKnown(uri);
    }
    AssetId id = Params.symbol("symbol", symbol);
    Optional<CachedQuote> quote;
    try {
      quote = cache.get(id);
    } catch (QuoteUnavailableException e) {
      return unavailableResponse(e);
    }
    CachedQuote q = quote.orElseThrow(() -> new ProblemException(noQuote(id)));
    return answer(q.etag(), cache.maxAgeSeconds(q), ifNoneMatch, () -> q.json(clock.instant()));
  }

  @GET
  @Operation(summary = "The current prices of several assets, in the order asked",
      responses = {
          @ApiResponse(responseCode = "200", content = @Content(
              schema = @Schema(implementation = QuotesView.class))),
          @ApiResponse(responseCode = "304", description = "If-None-Match matched the ETag"),
          @ApiResponse(responseCode = "404", description = "a symbol has no asset or no price"),
          @ApiResponse(responseCode = "503", description = "the source failed, no quote known")})
  public Response many(
      @Context UriInfo uri,
      @Parameter(description = "comma-separated symbols, e.g. BTC,ETH", required = true)
      @QueryParam("symbols") String symbols,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Params.onlyKnown(uri, "symbols");
    List<AssetId> ids = symbols(symbols);
    Map<AssetId, Optional<CachedQuote>> found;
    try {
      found = cache.getAll(ids);
    } catch (QuoteUnavailableException e) {
      return unavailableResponse(e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof QuoteUnavailableException u) {
        return unavailableResponse(u);
      }
      throw e;
    }
    List<String> unknown = new ArrayList<>();
    List<CachedQuote> quotes = new ArrayList<>();
    found.forEach((id, q) -> q.ifPresentOrElse(quotes::add, () -> unknown.add(id.symbol())));
    if (!unknown.isEmpty()) {
      throw ProblemException.notFound("symbols", "no quote for " + String.join(", ", unknown)
          + ": no such asset, or no price of it is known");
    }
    StringBuilder tags = new StringBuilder();
    long maxAge = Long.MAX_VALUE;
    for (CachedQuote q : quotes) {
      tags.append(q.etag());
      maxAge = Math.min(maxAge, cache.maxAgeSeconds(q));
    }
    String etag = "W/\"" + CachedQuote.digest(tags.toString()) + "\"";
    return answer(etag, maxAge, ifNoneMatch, () -> {
      Instant now = clock.instant();
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 160 * quotes.size());
      out.writeBytes(LIST_START);
      for (int i = 0; i < quotes.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.writeBytes(quotes.get(i).json(now));
      }
      out.writeBytes(LIST_END);
      return out.toByteArray();
    });
  }

  /** The {@code symbols} parameter: 1 to maxSymbols distinct symbols, comma-separated. */
  private List<AssetId> symbols(String symbols) {
    if (symbols == null || symbols.isBlank()) {
      throw ProblemException.badRequest("symbols",
          "symbols is required: comma-separated symbols such as BTC,ETH");
    }
    // Each symbol is at most 20 characters: refuse long input before splitting it.
    if (symbols.length() > maxSymbols * 22) {
      throw ProblemException.badRequest("symbols", "symbols is too long: at most " + maxSymbols
          + " symbols of at most 20 characters each");
    }
    Set<AssetId> ids = new LinkedHashSet<>();
    for (String symbol : symbols.split(",", -1)) {
      if (symbol.isBlank()) {
        throw ProblemException.badRequest("symbols",
            "symbols has an empty entry; separate symbols by single commas");
      }
      ids.add(Params.symbol("symbols", symbol));
    }
    if (ids.size() > maxSymbols) {
      throw ProblemException.badRequest("symbols", "at most " + maxSymbols
          + " symbols may be asked for at once, were " + ids.size());
    }
    return List.copyOf(ids);
  }

  /** The 404 problem for a symbol without a quote. */
  static Problem noQuote(AssetId id) {
    return Problem.of(Response.Status.NOT_FOUND, "no quote for " + id
        + ": no such asset, or no price of it is known", "symbol");
  }

  /** The 503 problem for a failed source with no quote known; sent with {@link #RETRY_AFTER}. */
  static Problem unavailable(QuoteUnavailableException e) {
    return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage() + "; retry later",
        null);
  }

  static String cacheControl(long maxAgeSeconds) {
    return "max-age=" + maxAgeSeconds;
  }

  private static Response answer(String etag, long maxAge, String ifNoneMatch,
      Supplier<byte[]> body) {
    String cacheControl = cacheControl(maxAge);
    if (matches(ifNoneMatch, etag)) {
      return Response.notModified().header(HttpHeaders.ETAG, etag)
          .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }
    return Response.ok(body.get(), MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
  }

  /** If-None-Match compares weakly (RFC 9110 13.1.2): W/ prefixes do not matter. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    String opaque = stripWeak(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || stripWeak(c).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String stripWeak(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  private static Response unavailableResponse(QuoteUnavailableException e) {
    return Response.fromResponse(unavailable(e).toResponse()).header("Retry-After", RETRY_AFTER)
        .build();
  }

  /** The JSON of one quote, for the API document; the resource writes it as prepared bytes. */
  @Schema(name = "Quote")
  record QuoteView(String symbol, BigDecimal price, String source, Instant time, long ageSeconds,
      boolean stale) {}

  /** The JSON of several quotes, for the API document. */
  @Schema(name = "Quotes")
  record QuotesView(List<QuoteView> quotes) {}
}
