package dev.ballast.core.store;

import dev.ballast.core.asset.AssetId;
import java.sql.Types;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Schema migrations and JDBI set-up for Ballast's database. The same migrations (plain SQL under
 * {@code db/migration}) run on H2 and on PostgreSQL 15 or newer.
 */
public final class Database {

  private Database() {}

  /** Brings the schema up to date; safe to call on every start and from several processes. */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  /** Teaches a {@link Jdbi} Ballast's SQL objects and types. Returns the same instance. */
  public static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.registerArgument(new AssetIdArgumentFactory());
    return jdbi;
  }

  /** A configured {@link Jdbi} over a data source, for tools and tests outside Dropwizard. */
  public static Jdbi jdbi(DataSource dataSource) {
    return configure(Jdbi.create(dataSource));
  }

  private static final class AssetIdArgumentFactory extends AbstractArgumentFactory<AssetId> {
    AssetIdArgumentFactory() {
      super(Types.VARCHAR);
    }

    @Override
    protected Argument build(AssetId value, ConfigRegistry config) {
      return (position, statement, ctx) -> statement.setString(position, value.symbol());
    }
  }
}
