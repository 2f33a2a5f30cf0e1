package dev.ballast.api.resources;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ballast.api.errors.ProblemException;
import dev.ballast.ratings.evaluation.EvaluationResult;
import dev.ballast.ratings.history.RatingService;
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

/**
 * The grades' predictive power on the stored history. Computed on demand from the whole
 * history (a second or two) and kept per range until new market data arrives.
 */
@Path("/v1/evaluation")
@Produces(MediaType.APPLICATION_JSON)
public final class EvaluationResource {

  private final RatingService ratings;
  private final Cache<List<Object>, EvaluationView> cache =
      Caffeine.newBuilder().maximumSize(32).build();

  @Inject
  EvaluationResource(RatingService ratings) {
    this.ratings = ratings;
  }

  @GET
  public EvaluationView evaluate(@Context UriInfo uri, @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Params.onlyKnown(uri, "from", "to");
    LocalDate last = ratings.lastMarketDay()
        .orElseThrow(() -> ProblemException.notFound(null, "no market data is stored"));
    Params.DateRange range = Params.range(from, to);
    LocalDate start = range.from();
    LocalDate until = range.to().isAfter(last) ? last : range.to();
    return cache.get(List.of(start, until, last), key -> {
      RatingService.Evaluation e = ratings.evaluate(start, until);
      return new EvaluationView(e.from(), e.to(), e.coins(), Result.of(e.trader()),
          Result.of(e.investor()));
    });
  }

  /** Both grades' evaluations. */
  record EvaluationView(LocalDate from, LocalDate to, int coins, Result trader,
      Result investor) {}

  /** One grade's evaluation; returns are fractions per horizon. */
  record Result(int horizonDays, int dates, Double meanSpearman, Double spearmanTStat,
      Double hitRate, Double meanTopQuintileReturn, Double meanBottomQuintileReturn,
      Double meanSpread) {
    static Result of(EvaluationResult r) {
      return new Result(r.horizon(), r.dates(), RatingView.known(r.meanSpearman()),
          RatingView.known(r.spearmanTStat()), RatingView.known(r.hitRate()),
          RatingView.known(r.meanTopQuintileReturn()),
          RatingView.known(r.meanBottomQuintileReturn()), RatingView.known(r.meanSpread()));
    }
  }
}
