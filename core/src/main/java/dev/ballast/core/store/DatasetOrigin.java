package dev.ballast.core.store;

/** Where a database's market data came from; the two never mix in one database. */
public enum DatasetOrigin {
  /** The deterministic simulated market, the offline default. */
  SIMULATED,
  /** Real history loaded by the importers. */
  IMPORTED
}
