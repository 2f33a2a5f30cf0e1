package dev.ballast.web;

import dev.ballast.api.BallastApplication;
import dev.ballast.api.BallastConfiguration;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The API plus the browser UI, served by the same process under {@code /ui/}. */
public class WebApplication extends BallastApplication {

  @Override
  public void initialize(Bootstrap<BallastConfiguration> bootstrap) {
    super.initialize(bootstrap);
    bootstrap.addBundle(new AssetsBundle("/ui", "/ui", "index.html", "ui"));
  }

  @Override
  public void run(BallastConfiguration config, Environment environment) {
    super.run(config, environment);
    environment.jersey().register(new Root());
  }

  /** Sends a browser that opens the server's root to the UI. */
  @Path("/")
  @PermitAll
  public static final class Root {
    @GET
    public Response root() {
      return Response.seeOther(URI.create("/ui/")).build();
    }
  }
}
