package dev.ballast.rebalancer.index;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads and writes {@link IndexDefinition}s as YAML or JSON (JSON is YAML, so one reader takes
 * both), and holds the built-in definitions.
 *
 * <p>Reading is strict: an unknown field, a missing required field, a wrong type or a bad value is
 * an {@link IllegalArgumentException} whose message names the field path ({@code caps.otherCap})
 * and the problem, never a stack trace or a Java class name. Thread-safe: the mappers are
 * configured once and only read.
 */
public final class IndexDefinitions {

  /** The built-in definitions, resources under {@code dev/ballast/rebalancer/index/builtin/}. */
  public static final List<String> BUILT_IN_IDS =
      List.of("top10-mcap", "top20-grade", "top10-mcap-no-overlay");

  private static final ObjectMapper YAML = configure(
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .build());

  private static final ObjectMapper JSON = configure(
      JsonMapper.builder()
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build());

  private IndexDefinitions() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // A missing number is an error, not a silent 0 (a cap of 0, a count of 0).
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  /**
   * Parses one definition from YAML or JSON text.
   *
   * @throws IllegalArgumentException naming the field and the problem
   */
  public static IndexDefinition parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("index definition is empty");
    }
    try {
      IndexDefinition definition = YAML.readValue(text, IndexDefinition.class);
      if (definition == null) {
        throw new IllegalArgumentException("index definition is empty");
      }
      return definition;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), null);
    }
  }

  /** Reads one definition from a YAML or JSON file, naming the file in any error. */
  public static IndexDefinition read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index definition " + file, e);
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  /** The definition as YAML, which {@link #parse} reads back to an equal definition. */
  public static String toYaml(IndexDefinition definition) {
    return write(YAML, definition);
  }

  /** The definition as JSON, which {@link #parse} reads back to an equal definition. */
  public static String toJson(IndexDefinition definition) {
    return write(JSON, definition);
  }

  /** The built-in definitions, in the order of {@link #BUILT_IN_IDS}. */
  public static List<IndexDefinition> builtIns() {
    return BUILT_IN_IDS.stream().map(IndexDefinitions::builtIn).collect(Collectors.toList());
  }

  /** One built-in definition by id. */
  public static IndexDefinition builtIn(String id) {
    String resource = "builtin/" + id + ".yml";
    try (InputStream in = IndexDefinitions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no built-in index definition " + id + "; there are " + BUILT_IN_IDS);
      }
      IndexDefinition definition = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!definition.id().value().equals(id)) {
        throw new IllegalStateException(resource + " defines " + definition.id());
      }
      return definition;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("no built-in")) {
        throw e;
      }
      throw new IllegalStateException("built-in " + resource + " is invalid: " + e.getMessage());
    }
  }

  private static String write(ObjectMapper mapper, IndexDefinition definition) {
    try {
      return mapper.writeValueAsString(Objects.requireNonNull(definition, "definition"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write index definition " + definition.id(), e);
    }
  }

  /** A message for people: the field path and the problem, no Java class names. */
  static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof StreamReadException syntax) {
      return describe(syntax);
    }
    if (!(e instanceof JsonMappingException mapping)) {
      // Malformed YAML or JSON.
      return "index definition is not valid YAML or JSON" + at(e.getLocation()) + ": "
          + e.getOriginalMessage().lines().findFirst().orElse("");
    }
    String path = path(mapping.getPath());
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException
        && e.getCause().getMessage() != null) {
      // Our own validation: its message names the field already.
      return "invalid index definition: " + e.getCause().getMessage();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds() == null
              ? ""
              : " (known: "
                  + unknown.getKnownPropertyIds().stream()
                      .map(String::valueOf)
                      .sorted()
                      .collect(Collectors.joining(", "))
                  + ")";
      return "invalid index definition: unknown field " + path + known;
    }
    if (e instanceof InvalidFormatException format) {
      Class<?> type = format.getTargetType();
      String expected =
          type != null && type.isEnum()
              ? "one of "
                  + Arrays.stream(type.getEnumConstants())
                      .map(String::valueOf)
                      .collect(Collectors.joining(", "))
              : "a " + typeName(type);
      return "invalid index definition: " + path + " must be " + expected + ", was \""
          + format.getValue() + "\"";
    }
    String problem = e.getOriginalMessage().lines().findFirst().orElse("");
    if (problem.startsWith("Cannot map `null` into type")) {
      return "invalid index definition: " + path + " is required, was missing or null";
    }
    // Jackson's own wording names Java types in back-quotes: keep the gist, drop the packages.
    problem = problem.replaceAll("`(?:[a-z0-9_]+\\.)+([A-Za-z0-9_$]+)`", "$1");
    return "invalid index definition: " + (path.isEmpty() ? "" : path + ": ") + problem;
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == int.class || type == Integer.class || type == long.class) {
      return "whole number";
    }
    if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
      return "number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    return type.getSimpleName();
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
