package dev.ballast.api.cli;

import dev.ballast.api.BallastConfiguration;
import dev.ballast.api.auth.ApiKey;
import dev.ballast.api.auth.ApiKeys;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.MutuallyExclusiveGroup;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ballast revoke-key --id N} or {@code --name NAME} (every active key of that name). A
 * running server stops accepting the key after at most {@code auth.keyCacheTtl}.
 */
public final class RevokeKeyCommand extends DatabaseCommand {

  public RevokeKeyCommand() {
    super("revoke-key", "Revoke an API key by id, or every active key of a name");
  }

  @Override
  protected void configureArguments(Subparser subparser) {
    MutuallyExclusiveGroup which = subparser.addMutuallyExclusiveGroup().required(true);
    which.addArgument("--id").type(Long.class).help("the key's id (see list-keys)");
    which.addArgument("--name").help("revoke every active key of this name");
  }

  @Override
  protected void run(Bootstrap<BallastConfiguration> bootstrap, Namespace ns, Context context) {
    ApiKeys keys = KeyCommands.keys(context.jdbi());
    Long id = ns.getLong("id");
    if (id != null) {
      ApiKey key = keys.revoke(id)
          .orElseThrow(() -> new CommandFailure("no API key with id " + id));
      System.out.printf("Revoked API key %d (\"%s\", %s).%n", key.id(), key.name(),
          key.role().id());
    } else {
      String name = ns.getString("name");
      int revoked = keys.revokeByName(name);
      if (revoked == 0) {
        throw new CommandFailure("no active API key named \"" + name + "\"");
      }
      System.out.printf("Revoked %d API key%s of \"%s\".%n", revoked, revoked == 1 ? "" : "s",
          name);
    }
  }
}
