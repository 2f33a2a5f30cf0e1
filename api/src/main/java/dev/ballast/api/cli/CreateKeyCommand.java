package dev.ballast.api.cli;

import dev.ballast.api.BallastConfiguration;
import dev.ballast.api.auth.ApiKeys;
import dev.ballast.api.auth.Role;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ballast create-key --role owner|analyst|admin --name NAME}: makes an API key and prints
 * it once, alone on the last line, so that scripts can take it with {@code tail -1}. Works while
 * the server runs on the same database.
 */
public final class CreateKeyCommand extends DatabaseCommand {

  public CreateKeyCommand() {
    super("create-key", "Make an API key; it is printed once, alone on the last line");
  }

  @Override
  protected void configureArguments(Subparser subparser) {
    subparser.addArgument("--role").required(true).choices("owner", "analyst", "admin")
        .help("owner: own portfolios; analyst: read ratings, indices, quotes; admin: indices"
            + " and keys");
    subparser.addArgument("--name").required(true)
        .help("who or what holds the key (owners' portfolios belong to this name)");
  }

  @Override
  protected void run(Bootstrap<BallastConfiguration> bootstrap, Namespace ns, Context context) {
    ApiKeys.Created created = KeyCommands.keys(context.jdbi())
        .create(ns.getString("name"), Role.parse(ns.getString("role")));
    System.out.printf("Created API key %d for \"%s\" (%s). It is shown only this once; it is"
            + " stored as a hash and cannot be shown again:%n", created.key().id(),
        created.key().name(), created.key().role().id());
    System.out.println(created.secret());
  }
}
