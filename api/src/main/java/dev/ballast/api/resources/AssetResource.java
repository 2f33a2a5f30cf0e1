package dev.ballast.api.resources;

import dev.ballast.api.errors.ProblemException;
import dev.ballast.core.asset.Asset;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetKind;
import dev.ballast.core.price.PriceSeries;
import dev.ballast.core.store.AssetDao;
import dev.ballast.core.store.BarCoverage;
import dev.ballast.core.store.BarDao;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** The assets Ballast knows and their daily history. */
@Path("/v1/assets")
@Produces(MediaType.APPLICATION_JSON)
public final class AssetResource {

  private final Jdbi jdbi;

  @Inject
  AssetResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Every asset, or those of one kind ({@code coin} or {@code stablecoin}). */
  @GET
  public Map<String, List<AssetView>> list(@QueryParam("kind") String kind) {
    AssetKind wanted = Params.choice("kind", kind, AssetKind.class);
    return jdbi.withHandle(handle -> {
      List<Asset> assets = wanted == null
          ? handle.attach(AssetDao.class).all()
          : handle.attach(AssetDao.class).byKind(wanted);
      Map<AssetId, BarCoverage> coverage = handle.attach(BarDao.class).coverage().stream()
          .collect(Collectors.toMap(BarCoverage::asset, Function.identity()));
      List<AssetView> views = new ArrayList<>(assets.size());
      for (Asset asset : assets) {
        views.add(AssetView.of(asset, coverage.get(asset.id())));
      }
      return Map.of("assets", views);
    });
  }

  @GET
  @Path("/{symbol}")
  public AssetView get(@PathParam("symbol") String symbol) {
    AssetId id = Params.symbol("symbol", symbol);
    return jdbi.withHandle(handle -> AssetView.of(find(handle.attach(AssetDao.class), id),
        handle.attach(BarDao.class).coverage(id).orElse(null)));
  }

  /**
   * Daily bars between {@code from} and {@code to} (inclusive, YYYY-MM-DD); either may be left
   * out to start at the first stored day or end at the last.
   */
  @GET
  @Path("/{symbol}/bars")
  public BarsView bars(
      @PathParam("symbol") String symbol,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    AssetId id = Params.symbol("symbol", symbol);
    Params.DateRange range = Params.range(from, to);
    LocalDate start = range.from();
    LocalDate end = range.to();
    return jdbi.withHandle(handle -> {
      find(handle.attach(AssetDao.class), id);
      PriceSeries series = handle.attach(BarDao.class).series(id, start, end);
      List<BarView> bars = new ArrayList<>(series.size());
      for (int i = 0; i < series.size(); i++) {
        bars.add(BarView.of(series, i));
      }
      return new BarsView(id.symbol(), bars);
    });
  }

  private static Asset find(AssetDao dao, AssetId id) {
    return dao.find(id).orElseThrow(
        () -> ProblemException.notFound("symbol", "no asset with symbol " + id));
  }

  /** The bars of one asset. */
  record BarsView(String symbol, List<BarView> bars) {}
}
