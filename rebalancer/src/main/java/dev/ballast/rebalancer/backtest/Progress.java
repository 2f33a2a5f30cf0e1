package dev.ballast.rebalancer.backtest;

/**
 * Told as a backtest advances, for a progress bar. {@code daysTotal} counts the simulated days of
 * the index and of every benchmark that is simulated (BTC buy-and-hold is not), so that the bar
 * ends at 100% when the result is ready. Called on the running thread.
 */
@FunctionalInterface
public interface Progress {

  void update(int daysDone, int daysTotal);

  /** Nobody is watching. */
  Progress NONE = (done, total) -> { };
}
