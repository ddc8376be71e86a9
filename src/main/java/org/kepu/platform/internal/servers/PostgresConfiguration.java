package org.kepu.platform.internal.servers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** PostgreSQL: Flyway migrations over JDBC once at start, then R2DBC only. */
@Configuration(proxyBeanMethods = false)
class PostgresConfiguration {

    /** Marks that the schema is current; the connection pool waits for it. */
    record MigratedSchema(int appliedMigrations) {
    }

    @Bean
    MigratedSchema migratedSchema(ServerAddresses addresses) {
        ServerAddresses.Postgres postgres = addresses.postgres();
        DriverManager.setLoginTimeout(10);
        try (Connection ignored = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            // reachable with these credentials
        } catch (SQLException e) {
            throw new ServerUnavailableException(ServerSetting.POSTGRES, postgres.display(), ServerUnavailableException.rootMessage(e), e);
        }
        var result = Flyway.configure()
                .dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new MigratedSchema(result.migrationsExecuted);
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(ServerAddresses addresses, MigratedSchema schema) {
        ServerAddresses.Postgres postgres = addresses.postgres();
        var configuration = PostgresqlConnectionConfiguration.builder()
                .host(postgres.host())
                .port(postgres.port())
                .database(postgres.database())
                .username(postgres.username())
                .password(postgres.password())
                .applicationName("kepu")
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(configuration))
                .name("kepu")
                .initialSize(2)
                .maxSize(20)
                .maxIdleTime(Duration.ofMinutes(10))
                .maxAcquireTime(Duration.ofSeconds(30))
                .build());
    }

    @Bean
    DatabaseClient databaseClient(ConnectionPool connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    ReactiveTransactionManager transactionManager(ConnectionPool connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }
}
