package dev.ballast.api.resources;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Page} as CSV (RFC 4180) for {@code Accept: text/csv}: one column per
 * component of the row record, nested records flattened with dotted names, lists left out
 * (breakdowns stay in the JSON). The cursor of the next page goes in the {@code Link} header,
 * set by the resource.
 */
@Provider
@Produces("text/csv")
public final class CsvPageWriter implements MessageBodyWriter<Page<?>> {

  public static final String TEXT_CSV = "text/csv";

  @Override
  public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations,
      MediaType mediaType) {
    return Page.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(Page<?> page, Class<?> type, Type generic, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    if (!page.items().isEmpty()) {
      List<String> names = new ArrayList<>();
      columns(page.items().get(0).getClass(), "", names);
      writeRow(writer, names);
      for (Record row : page.items()) {
        List<String> values = new ArrayList<>(names.size());
        values(row, values);
        writeRow(writer, values);
      }
    }
    writer.flush();
  }

  private static void columns(Class<?> type, String prefix, List<String> names) {
    for (RecordComponent c : type.getRecordComponents()) {
      if (skipped(c.getType())) {
        continue;
      }
      if (c.getType().isRecord()) {
        columns(c.getType(), prefix + c.getName() + ".", names);
      } else {
        names.add(prefix + c.getName());
      }
    }
  }

  private static void values(Record row, List<String> values) {
    for (RecordComponent c : row.getClass().getRecordComponents()) {
      if (skipped(c.getType())) {
        continue;
      }
      Object value;
      try {
        value = c.getAccessor().invoke(row);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c.getName(), e);
      }
      if (c.getType().isRecord()) {
        if (value == null) {
          List<String> nested = new ArrayList<>();
          columns(c.getType(), "", nested);
          nested.forEach(n -> values.add(""));
        } else {
          values((Record) value, values);
        }
      } else {
        values.add(value == null ? "" : value.toString());
      }
    }
  }

  private static boolean skipped(Class<?> type) {
    return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
  }

  private static void writeRow(Writer writer, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      String cell = cells.get(i);
      if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
          || cell.indexOf('\r') >= 0) {
        writer.write('"' + cell.replace("\"", "\"\"") + '"');
      } else {
        writer.write(cell);
      }
    }
    writer.write("\r\n");
  }
}
