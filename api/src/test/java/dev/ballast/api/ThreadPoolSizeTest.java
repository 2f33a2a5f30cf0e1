package dev.ballast.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.server.DefaultServerFactory;
import org.junit.jupiter.api.Test;

/** The request thread pool is sized by cores unless the configuration says otherwise. */
class ThreadPoolSizeTest {

  private static final int BY_CORES = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());

  @Test
  void dropwizardsDefaultBecomesEightThreadsPerCore() {
    DefaultServerFactory server = new DefaultServerFactory();
    assertThat(server.getMaxThreads()).isEqualTo(BallastApplication.DROPWIZARD_MAX_THREADS);
    BallastApplication.sizeThreadPool(server);
    assertThat(server.getMaxThreads()).isEqualTo(BY_CORES);
  }

  @Test
  void anExplicitSizeIsKept() {
    DefaultServerFactory server = new DefaultServerFactory();
    server.setMaxThreads(200);
    BallastApplication.sizeThreadPool(server);
    assertThat(server.getMaxThreads()).isEqualTo(200);
  }

  @Test
  void neverBelowTheMinimum() {
    DefaultServerFactory server = new DefaultServerFactory();
    server.setMinThreads(BY_CORES + 10);
    BallastApplication.sizeThreadPool(server);
    assertThat(server.getMaxThreads()).isEqualTo(BY_CORES + 10);
  }
}
