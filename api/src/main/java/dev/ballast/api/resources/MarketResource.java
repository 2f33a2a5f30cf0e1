package dev.ballast.api.resources;

import dev.ballast.api.errors.ProblemException;
import dev.ballast.api.resources.IndexViews.RegimeView;
import dev.ballast.rebalancer.schedule.IndexService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Optional;

/** The market as a whole: the regime the overlay acts on, with its evidence. */
@Path("/v1/market")
@Produces(MediaType.APPLICATION_JSON)
public final class MarketResource {

  private final IndexService indices;

  @Inject
  MarketResource(IndexService indices) {
    this.indices = indices;
  }

  @GET
  @Path("/regime")
  public RegimeView regime(@Context UriInfo uri, @QueryParam("date") String date) {
    Params.onlyKnown(uri, "date");
    Optional<LocalDate> day = Optional.ofNullable(date == null ? null
        : Params.date("date", date, null));
    try {
      return indices.regime(day).map(RegimeView::of).orElseThrow(
          () -> ProblemException.notFound(null, "no market data is stored yet"));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("date", e.getMessage());
    }
  }
}
