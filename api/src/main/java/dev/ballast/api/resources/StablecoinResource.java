package dev.ballast.api.resources;

import dev.ballast.api.errors.ProblemException;
import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetKind;
import dev.ballast.core.store.AssetDao;
import dev.ballast.ratings.store.PegHealthDao;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Stablecoin peg health: every stablecoin on the latest day, and each one's daily history. */
@Path("/v1/stablecoins")
@Produces({MediaType.APPLICATION_JSON, CsvPageWriter.TEXT_CSV})
public final class StablecoinResource {

  private final Jdbi jdbi;

  @Inject
  StablecoinResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @GET
  public Page<PegHealthView> latest(@Context UriInfo uri, @QueryParam("date") String date) {
    Params.onlyKnown(uri, "date");
    return jdbi.withHandle(handle -> {
      PegHealthDao dao = handle.attach(PegHealthDao.class);
      LocalDate day = date == null
          ? dao.latestDate().orElseThrow(() -> ProblemException.notFound(null,
              "no peg health yet: the daily grading job has not run; backfill with"
                  + " 'ballast grade --from YYYY-MM-DD --to YYYY-MM-DD'"))
          : Params.date("date", date, null);
      Map<AssetId, Asset> assets = handle.attach(AssetDao.class).byKind(AssetKind.STABLECOIN)
          .stream().collect(Collectors.toMap(Asset::id, Function.identity()));
      return new Page<>(dao.day(day).stream()
          .map(h -> PegHealthView.of(h, assets.get(h.asset()))).toList(), null);
    });
  }

  @GET
  @Path("/{symbol}")
  public Page<PegHealthView> history(
      @Context UriInfo uri,
      @PathParam("symbol") String symbol,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limitText,
      @QueryParam("cursor") String cursor) {
    Params.onlyKnown(uri, "from", "to", "limit", "cursor");
    AssetId id = Params.symbol("symbol", symbol);
    Params.DateRange range = Params.range(from, to);
    LocalDate start = range.from();
    LocalDate end = range.to();
    int limit = Paging.limit(limitText);
    return jdbi.withHandle(handle -> {
      Optional<Asset> asset = handle.attach(AssetDao.class).find(id);
      if (asset.isEmpty() || !asset.get().isStablecoin()) {
        throw ProblemException.notFound("symbol", "no stablecoin with symbol " + id);
      }
      String query = String.join("|", "peg-history", id.symbol(), start.toString(),
          end.toString());
      return Histories.page(query, cursor, limit, after -> handle.attach(PegHealthDao.class)
          .history(id, start, end, after.map(LocalDate::parse), limit + 1),
          h -> h.date(), h -> PegHealthView.of(h, asset.get()));
    });
  }
}
