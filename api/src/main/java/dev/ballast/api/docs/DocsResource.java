package dev.ballast.api.docs;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Swagger UI at {@code /docs}, from the {@code org.webjars:swagger-ui} jar, showing {@code
 * /openapi.json}. Only the UI's own files are served, by name, from the webjar's folder.
 */
@Path("/docs")
@PermitAll
@Hidden
public final class DocsResource {

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> FILES = Map.of(
      "swagger-ui.css", "text/css",
      "index.css", "text/css",
      "swagger-ui-bundle.js", "text/javascript",
      "swagger-ui-standalone-preset.js", "text/javascript",
      "favicon-32x32.png", "image/png",
      "favicon-16x16.png", "image/png");
  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>Ballast API</title>
        <link rel="stylesheet" href="/docs/swagger-ui.css">
        <link rel="stylesheet" href="/docs/index.css">
        <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/docs/swagger-ui-bundle.js"></script>
        <script src="/docs/swagger-ui-standalone-preset.js"></script>
        <script>
          window.ui = SwaggerUIBundle({
            url: "/openapi.json",
            dom_id: "#swagger-ui",
            deepLinking: true,
            presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
            layout: "StandaloneLayout"
          });
        </script>
      </body>
      </html>
      """;

  private final String folder = WEBJAR + version() + "/";

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page() {
    return Response.ok(PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8")
        .build();
  }

  @GET
  @Path("/{file}")
  public Response file(@PathParam("file") String file) {
    String type = FILES.get(file);
    if (type == null) {
      throw new NotFoundException();
    }
    InputStream in = DocsResource.class.getClassLoader().getResourceAsStream(folder + file);
    if (in == null) {
      throw new NotFoundException();
    }
    return Response.ok(in, type).header("Cache-Control", "public, max-age=86400").build();
  }

  /** The webjar's version, from its Maven metadata, so that upgrading it needs no code change. */
  private static String version() {
    try (InputStream in = DocsResource.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
