package dev.ballast.api.docs;

import dev.ballast.api.auth.Gate;
import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;
import java.util.Set;

/**
 * The OpenAPI 3 document at {@code /openapi.json} (and {@code /openapi.yaml}), made by
 * swagger-core from the JAX-RS annotations of every resource in {@value #RESOURCES}: a resource
 * added to that package later is described without further wiring. Always public.
 */
@Path("/openapi.{type:json|yaml}")
@PermitAll
public final class OpenApiDocument extends OpenApiResource {

  /** Where the API's resources live; scanned, not listed. */
  public static final String RESOURCES = "dev.ballast.api.resources";

  public OpenApiDocument() {
    OpenAPI api = new OpenAPI()
        .info(new Info().title("Ballast API").version("v1")
            .description("Crypto ratings, indices, quotes and portfolios. Errors are"
                + " application/problem+json bodies (RFC 9457) naming the field at fault;"
                + " lists are paged with limit and cursor. See docs/api.md.")
            .license(new License().name("open source")))
        .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(Gate.HEADER)));
    openApiConfiguration(new SwaggerConfiguration()
        .openAPI(api)
        .resourcePackages(Set.of(RESOURCES))
        .prettyPrint(true)
        .readAllResources(true));
  }
}
