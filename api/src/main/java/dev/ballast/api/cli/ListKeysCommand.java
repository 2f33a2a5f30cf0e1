package dev.ballast.api.cli;

import dev.ballast.api.BallastConfiguration;
import dev.ballast.api.auth.ApiKey;
import dev.ballast.api.auth.ApiKeys;
import io.dropwizard.core.setup.Bootstrap;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code ballast list-keys}: every API key, active and revoked; never the keys themselves. */
public final class ListKeysCommand extends DatabaseCommand {

  public ListKeysCommand() {
    super("list-keys", "List API keys (ids, names, roles, status; never the keys)");
  }

  @Override
  protected void configureArguments(Subparser subparser) {
    // no options
  }

  @Override
  protected void run(Bootstrap<BallastConfiguration> bootstrap, Namespace ns, Context context) {
    ApiKeys keys = KeyCommands.keys(context.jdbi());
    System.out.println(KeyCommands.header());
    long after = 0;
    int count = 0;
    while (true) {
      List<ApiKey> page = keys.page(after, 500);
      for (ApiKey key : page) {
        System.out.println(KeyCommands.describe(key));
        after = key.id();
        count++;
      }
      if (page.size() < 500) {
        break;
      }
    }
    System.out.printf("%d keys.%n", count);
  }
}
