package dev.ballast.core.store;

/** Thrown when data of one origin would be written into a database holding another. */
public final class DatasetConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final DatasetOrigin existing;
  private final DatasetOrigin wanted;

  public DatasetConflictException(DatasetOrigin existing, DatasetOrigin wanted) {
    super("this database holds " + describe(existing) + "; refusing to mix in "
        + describe(wanted) + ". Replace it explicitly (for the import command: --replace), or"
        + " use another database.");
    this.existing = existing;
    this.wanted = wanted;
  }

  public DatasetOrigin existing() {
    return existing;
  }

  public DatasetOrigin wanted() {
    return wanted;
  }

  private static String describe(DatasetOrigin origin) {
    return origin == DatasetOrigin.SIMULATED ? "the simulated market" : "imported real history";
  }
}
