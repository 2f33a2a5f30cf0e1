package dev.ballast.api.resources;

import dev.ballast.api.errors.ProblemException;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.store.AssetDao;
import dev.ballast.core.store.BarDao;
import dev.ballast.ratings.signal.SignalPerformance;
import dev.ballast.ratings.signal.Signals;
import dev.ballast.ratings.store.GradeDao;
import dev.ballast.ratings.store.StoredGrade;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Trading signals from trader-grade crossings, for one asset or all, between two days. */
@Path("/v1/signals")
@Produces({MediaType.APPLICATION_JSON, CsvPageWriter.TEXT_CSV})
public final class SignalResource {

  private final Jdbi jdbi;

  @Inject
  SignalResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * What following an asset's signal would have earned between two days (long on +1, in cash
   * otherwise, entering at the close of the signal's day, paying {@code feeBps} per trade)
   * against buying at the first close and holding.
   */
  @GET
  @Path("/{symbol}/performance")
  @Produces(MediaType.APPLICATION_JSON)
  public PerformanceView performance(
      @Context UriInfo uri,
      @PathParam("symbol") String symbol,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("feeBps") String feeBps) {
    Params.onlyKnown(uri, "from", "to", "feeBps");
    AssetId id = Params.symbol("symbol", symbol);
    Params.DateRange range = Params.range(from, to);
    LocalDate start = range.from();
    LocalDate end = range.to();
    Double fee = Params.number("feeBps", feeBps, 0, 1000);
    double bps = fee == null ? DEFAULT_FEE_BPS : fee;
    return jdbi.withHandle(handle -> {
      if (handle.attach(AssetDao.class).find(id).isEmpty()) {
        throw ProblemException.notFound("symbol", "no asset with symbol " + id);
      }
      List<StoredGrade> graded = handle.attach(GradeDao.class)
          .range(Optional.of(id), start, end, Optional.empty(), Optional.empty(), 100_000);
      if (graded.size() < 2) {
        throw ProblemException.notFound("symbol",
            "fewer than two graded days for " + id + " between " + start + " and " + end);
      }
      LocalDate first = graded.get(0).grade().date();
      LocalDate last = graded.get(graded.size() - 1).grade().date();
      double[] close = handle.attach(BarDao.class).series(id, first, last)
          .closesOnCalendar(first, last);
      int[] signal = new int[close.length];
      for (StoredGrade g : graded) {
        signal[(int) (g.grade().date().toEpochDay() - first.toEpochDay())] = g.signal();
      }
      SignalPerformance p = Signals.performance(signal, close, bps);
      return new PerformanceView(id.symbol(), first, last, bps, p.strategyReturn(),
          p.holdReturn(), p.trades(), RatingView.known(p.hitRate()), p.strategyMaxDrawdown(),
          p.holdMaxDrawdown(), p.exposure());
    });
  }

  /** Fees of one trade when none are given: 10 basis points, a typical taker fee. */
  static final double DEFAULT_FEE_BPS = 10;

  /** Following the signal against holding; returns and drawdowns are fractions. */
  record PerformanceView(String symbol, LocalDate from, LocalDate to, double feeBps,
      double signalReturn, double holdReturn, int trades, Double hitRate,
      double signalMaxDrawdown, double holdMaxDrawdown, double exposure) {}

  @GET
  public Page<SignalView> list(
      @Context UriInfo uri,
      @QueryParam("symbol") String symbol,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limitText,
      @QueryParam("cursor") String cursor) {
    Params.onlyKnown(uri, "symbol", "from", "to", "limit", "cursor");
    Optional<AssetId> id = symbol == null || symbol.isBlank()
        ? Optional.empty() : Optional.of(Params.symbol("symbol", symbol));
    Params.DateRange range = Params.range(from, to);
    LocalDate start = range.from();
    LocalDate end = range.to();
    int limit = Paging.limit(limitText);
    String query = String.join("|", "signals", id.map(AssetId::symbol).orElse("*"),
        start.toString(), end.toString());
    List<String> position = Paging.decode(cursor, query, 2);
    return jdbi.withHandle(handle -> {
      if (id.isPresent() && handle.attach(AssetDao.class).find(id.get()).isEmpty()) {
        throw ProblemException.notFound("symbol", "no asset with symbol " + id.get());
      }
      Optional<LocalDate> afterDate = position == null
          ? Optional.empty() : Optional.of(Params.date("cursor", position.get(0), null));
      Optional<String> afterSymbol =
          position == null ? Optional.empty() : Optional.of(position.get(1));
      List<StoredGrade> rows = handle.attach(GradeDao.class)
          .range(id, start, end, afterDate, afterSymbol, limit + 1);
      String next = null;
      if (rows.size() > limit) {
        rows = rows.subList(0, limit);
        StoredGrade last = rows.get(limit - 1);
        next = Paging.encode(query,
            List.of(last.grade().date().toString(), last.grade().asset().symbol()));
      }
      return new Page<>(rows.stream().map(SignalView::of).toList(), next);
    });
  }
}
