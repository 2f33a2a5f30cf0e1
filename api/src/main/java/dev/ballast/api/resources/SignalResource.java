package dev.ballast.api.resources;

import dev.ballast.api.errors.ProblemException;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.store.AssetDao;
import dev.ballast.ratings.store.GradeDao;
import dev.ballast.ratings.store.StoredGrade;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
    LocalDate start = Params.date("from", from, LocalDate.of(1900, 1, 1));
    LocalDate end = Params.date("to", to, LocalDate.of(9999, 12, 31));
    Params.range(start, end);
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
