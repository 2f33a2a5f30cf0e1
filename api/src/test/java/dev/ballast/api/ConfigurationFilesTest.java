package dev.ballast.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped example configuration parses, validates and says what the defaults say. */
class ConfigurationFilesTest {

  private final YamlConfigurationFactory<BallastConfiguration> factory =
      new YamlConfigurationFactory<>(BallastConfiguration.class, Validators.newValidator(),
          Jackson.newObjectMapper(), "dw");

  @Test
  void embeddedYmlWritesOutTheDefaults() throws Exception {
    BallastConfiguration file = factory.build(new FileConfigurationSourceProvider(),
        Path.of("..", "config", "embedded.yml").toString());
    BallastConfiguration defaults = new BallastConfiguration();
    assertThat(file.getQuotes()).usingRecursiveComparison().isEqualTo(defaults.getQuotes());
    assertThat(file.getAuth()).usingRecursiveComparison().isEqualTo(defaults.getAuth());
    assertThat(file.getIdempotency()).usingRecursiveComparison()
        .isEqualTo(defaults.getIdempotency());
  }

  @Test
  void anExpiryNotLongerThanTheRefreshIsRefused() throws Exception {
    Path yaml = Files.createTempFile("ballast", ".yml");
    Files.writeString(yaml, "quotes: {refreshAfter: 60s, expireAfter: 30s}\n");
    assertThatThrownBy(() -> factory.build(new FileConfigurationSourceProvider(), yaml.toString()))
        .isInstanceOf(ConfigurationValidationException.class)
        .hasMessageContaining("expireAfter must be longer");
  }
}
