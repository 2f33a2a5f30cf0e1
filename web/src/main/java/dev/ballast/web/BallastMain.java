package dev.ballast.web;

/**
 * The entry point of {@code ballast.jar}: {@code java -jar ballast.jar server [config.yml]},
 * {@code java -jar ballast.jar import <paths...>}, and the other commands ({@code --help}).
 */
public final class BallastMain {

  private BallastMain() {}

  public static void main(String[] args) throws Exception {
    new WebApplication().run(args);
  }
}
