package dev.ballast.api.resources;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ballast.api.errors.ProblemException;
import dev.ballast.core.asset.AssetId;
import dev.ballast.core.asset.AssetKind;
import dev.ballast.core.store.AssetDao;
import dev.ballast.ratings.grade.TraderZone;
import dev.ballast.ratings.store.GradeDao;
import dev.ballast.ratings.store.GradeDao.GradeFilter;
import dev.ballast.ratings.store.GradeDao.GradeSort;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** Trader and investor grades: the latest for every asset, and each asset's history. */
@Path("/v1/ratings")
@Produces({MediaType.APPLICATION_JSON, CsvPageWriter.TEXT_CSV})
public final class RatingResource {

  /**
   * Pages already read, by the grades' {@linkplain GradeDao#version() version} and the query:
   * grades change once a day, pages are read all day, and a page costs far more to read and
   * decode than the one-row version check. A new version makes every older key unreachable.
   */
  private final Cache<String, Page<RatingView>> pages = Caffeine.newBuilder()
      .maximumSize(500).expireAfterAccess(Duration.ofMinutes(10)).build();
  private final Jdbi jdbi;

  @Inject
  RatingResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The page of {@code query} at the grades' current version, read by {@code read} if new. */
  private Page<RatingView> cached(String query, Supplier<Page<RatingView>> read) {
    String version = jdbi.withExtension(GradeDao.class, GradeDao::version);
    return pages.get(version + "|" + query, key -> read.get());
  }

  /**
   * The grades of the latest graded day (or {@code date}), filtered by kind, zone and grade
   * ranges, sorted by a grade or its change ({@code sort}, {@code order}), paged.
   */
  @GET
  public Page<RatingView> list(
      @Context UriInfo uri,
      @QueryParam("date") String date,
      @QueryParam("kind") String kind,
      @QueryParam("zone") String zone,
      @QueryParam("minTraderGrade") String minTrader,
      @QueryParam("maxTraderGrade") String maxTrader,
      @QueryParam("minInvestorGrade") String minInvestor,
      @QueryParam("maxInvestorGrade") String maxInvestor,
      @QueryParam("sort") String sort,
      @QueryParam("order") String order,
      @QueryParam("limit") String limitText,
      @QueryParam("cursor") String cursor) {
    Params.onlyKnown(uri, "date", "kind", "zone", "minTraderGrade", "maxTraderGrade",
        "minInvestorGrade", "maxInvestorGrade", "sort", "order", "limit", "cursor");
    GradeFilter filter = new GradeFilter(
        Optional.ofNullable(Params.choice("kind", kind, AssetKind.class)),
        Optional.ofNullable(Params.choice("zone", zone, TraderZone.class)),
        Optional.ofNullable(Params.number("minTraderGrade", minTrader, 0, 100)),
        Optional.ofNullable(Params.number("maxTraderGrade", maxTrader, 0, 100)),
        Optional.ofNullable(Params.number("minInvestorGrade", minInvestor, 0, 100)),
        Optional.ofNullable(Params.number("maxInvestorGrade", maxInvestor, 0, 100)));
    GradeSort by = Optional.ofNullable(Params.choice("sort", camelToSnake(sort), GradeSort.class))
        .orElse(GradeSort.TRADER_GRADE);
    Order direction = Optional.ofNullable(Params.choice("order", order, Order.class))
        .orElse(by == GradeSort.SYMBOL ? Order.ASC : Order.DESC);
    int limit = Paging.limit(limitText);
    return cached(String.join("|", "list", String.valueOf(date), filter.toString(), by.name(),
        direction.name(), String.valueOf(limit), String.valueOf(cursor)), () -> jdbi.withHandle(
        handle -> {
      GradeDao grades = handle.attach(GradeDao.class);
      LocalDate day = date == null
          ? grades.latestDate().orElseThrow(() -> ProblemException.notFound(null,
              "no grades yet: the daily grading job has not run; backfill with"
                  + " 'ballast grade --from YYYY-MM-DD --to YYYY-MM-DD'"))
          : Params.date("date", date, null);
      String query = String.join("|", "ratings", day.toString(), filter.toString(), by.name(),
          direction.name());
      List<String> position = Paging.decode(cursor, query, 1);
      int offset = position == null ? 0 : Integer.parseInt(position.get(0));
      List<StoredGrade> rows = grades.day(day, filter, by, direction == Order.DESC, offset,
          limit + 1);
      String next = rows.size() > limit
          ? Paging.encode(query, List.of(String.valueOf(offset + limit))) : null;
      return new Page<>(rows.stream().limit(limit).map(RatingView::of).toList(), next);
    }));
  }

  /** One asset's grades between two days, oldest first, with their breakdowns, paged. */
  @GET
  @Path("/{symbol}")
  public Page<RatingView> history(
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
    return cached(String.join("|", "history", id.symbol(), start.toString(), end.toString(),
        String.valueOf(limit), String.valueOf(cursor)), () -> jdbi.withHandle(handle -> {
      if (handle.attach(AssetDao.class).find(id).isEmpty()) {
        throw ProblemException.notFound("symbol", "no asset with symbol " + id);
      }
      String query = String.join("|", "rating-history", id.symbol(), start.toString(),
          end.toString());
      return Histories.page(query, cursor, limit, after -> handle.attach(GradeDao.class)
          .range(Optional.of(id), start, end, after.map(LocalDate::parse), Optional.of(id.symbol()),
              limit + 1), g -> g.grade().date(), RatingView::of);
    }));
  }

  private static String camelToSnake(String value) {
    return value == null ? null : value.replaceAll("([a-z])([A-Z])", "$1_$2");
  }

  /** Sort direction. */
  enum Order {
    ASC,
    DESC
  }
}
