package dev.ballast.api.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a {@link Page} as JSON, with the application's mapper, and keeps the bytes with the
 * page for as long as the page lives: a page that a resource serves from its own cache (ratings)
 * is serialised once, not once per request. Kept by identity (weakly, up to 64 MB), so a page
 * made for one request costs one entry that goes with it.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public final class PageJsonWriter implements MessageBodyWriter<Page<?>> {

  private final ObjectMapper mapper;
  private final Cache<Page<?>, byte[]> rendered = Caffeine.newBuilder().weakKeys()
      .maximumWeight(64L << 20).<Page<?>, byte[]>weigher((page, json) -> json.length).build();

  public PageJsonWriter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations,
      MediaType mediaType) {
    return Page.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(Page<?> page, Class<?> type, Type generic, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
      throws IOException {
    out.write(rendered.get(page, p -> {
      try {
        return mapper.writeValueAsBytes(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }
}
