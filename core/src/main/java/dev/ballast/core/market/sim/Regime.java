package dev.ballast.core.market.sim;

/**
 * The state of the whole market, which sets the drift and volatility of the market factor. Units
 * are daily log returns of the factor; a coin with beta 1 inherits them.
 */
enum Regime {
  /** Sideways chop: barely positive drift (+11%/yr), about 42%/yr volatility. */
  CALM(0.0003, 0.022, 0.9),
  /** Sustained rally: +0.4%/day is about ×4.3 a year, in the range of the real 2020-21 run. */
  BULL(0.0040, 0.030, 1.2),
  /** Grinding decline: −0.22%/day is about −55% a year before any crash. */
  BEAR(-0.0022, 0.032, 0.9),
  /**
   * A few days of panic: −9%/day, so an 8-day crash loses about 51% on its drift alone. The drift
   * is large against the volatility (5%/day) so that the scripted crash happens for every seed.
   */
  CRASH(-0.0900, 0.050, 2.5);

  /** Mean daily log return of the market factor. */
  final double drift;

  /** Long-run daily standard deviation of the market factor (GARCH scales it day by day). */
  final double vol;

  /** Multiplies every coin's traded volume: panics trade more, quiet markets less. */
  final double volumeFactor;

  Regime(double drift, double vol, double volumeFactor) {
    this.drift = drift;
    this.vol = vol;
    this.volumeFactor = volumeFactor;
  }
}
