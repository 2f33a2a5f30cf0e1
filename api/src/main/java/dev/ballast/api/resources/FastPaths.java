package dev.ballast.api.resources;

import com.codahale.metrics.Counter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.api.auth.Gate;
import dev.ballast.api.errors.Problem;
import dev.ballast.api.quote.CachedQuote;
import dev.ballast.api.quote.QuoteCache;
import dev.ballast.api.quote.QuoteUnavailableException;
import dev.ballast.core.asset.AssetId;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Answers the two hottest requests, {@code GET /v1/ping} and {@code GET /v1/quotes/{symbol}},
 * as a servlet filter in front of Jersey, byte for byte as {@link PingResource} and {@link
 * QuoteResource} would (same gate, problems and headers; {@code FastPathIT} compares the two).
 * Jersey's per-request machinery (routing, injection, providers, interceptors) costs more CPU
 * than the whole answer; skipping it roughly doubles what two cores serve.
 *
 * <p>Everything else goes down the chain to Jersey untouched: other methods, any query string,
 * a symbol that does not parse (Jersey's 400 names the field), and every request while the
 * simulated market is still loading. Requests answered here are counted in the metric {@value
 * #SERVED_METRIC} as they are taken on.
 */
public final class FastPaths implements Filter {

  public static final String SERVED_METRIC = "fastPaths.served";

  private static final String PING = "/v1/ping";
  private static final String QUOTES = "/v1/quotes/";

  private final Gate gate;
  private final QuoteCache cache;
  private final Clock clock;
  private final ObjectMapper json;
  private final BooleanSupplier loading;
  private final Counter served;

  public FastPaths(Gate gate, QuoteCache cache, Clock clock, ObjectMapper json,
      BooleanSupplier loading, Counter served) {
    this.gate = gate;
    this.cache = cache;
    this.clock = clock;
    this.json = json;
    this.loading = loading;
    this.served = served;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!answered(request, response)) {
      chain.doFilter(req, res);
    }
  }

  private boolean answered(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
        || loading.getAsBoolean()) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(PING)) {
      served.inc();
      ping(request, response);
      return true;
    }
    if (!path.startsWith(QUOTES)) {
      return false;
    }
    AssetId id;
    try {
      id = AssetId.of(path.substring(QUOTES.length()));
    } catch (IllegalArgumentException e) {
      return false; // a slash, an escape or a bad symbol: Jersey decodes and refuses it
    }
    served.inc();
    quote(request, response, id);
    return true;
  }

  private void ping(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (admitted(request, response, Gate.Access.PUBLIC)) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, PingResource.CACHE_CONTROL);
      body(response, PingResource.OK);
    }
  }

  private void quote(HttpServletRequest request, HttpServletResponse response, AssetId id)
      throws IOException {
    if (!admitted(request, response, Gate.Access.MARKET_DATA)) {
      return;
    }
    Optional<CachedQuote> found;
    try {
      found = cache.get(id);
    } catch (QuoteUnavailableException e) {
      problem(response, QuoteResource.unavailable(e), Map.of("Retry-After",
          QuoteResource.RETRY_AFTER));
      return;
    }
    if (found.isEmpty()) {
      problem(response, QuoteResource.noQuote(id), Map.of());
      return;
    }
    CachedQuote quote = found.get();
    response.setHeader(HttpHeaders.ETAG, quote.etag());
    response.setHeader(HttpHeaders.CACHE_CONTROL,
        QuoteResource.cacheControl(cache.maxAgeSeconds(quote)));
    if (QuoteResource.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), quote.etag())) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
    } else {
      body(response, quote.json(clock.instant()));
    }
  }

  /** Applies the gate; a refusal is answered here. */
  private boolean admitted(HttpServletRequest request, HttpServletResponse response,
      Gate.Access access) throws IOException {
    Gate.Admission admission = gate.admit(request.getHeader(Gate.HEADER),
        request.getRemoteAddr(), access, Set.of());
    if (!admission.admitted()) {
      problem(response, admission.refusal(), admission.headers());
    }
    return admission.admitted();
  }

  private void problem(HttpServletResponse response, Problem problem,
      Map<String, String> headers) throws IOException {
    headers.forEach(response::setHeader);
    byte[] bytes = json.writeValueAsBytes(problem);
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static void body(HttpServletResponse response, byte[] bytes) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
