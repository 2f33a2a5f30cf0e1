package dev.ballast.api.cli;

/** A command could not do what it was asked; its message is shown to the user as it is. */
public final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CommandFailure(String message) {
    super(message, null, false, false);
  }
}
