package io.tributary.server.health;

import com.codahale.metrics.health.HealthCheck;
import org.jdbi.v3.core.Jdbi;

/** Healthy when PostgreSQL answers a query. */
public final class DatabaseHealthCheck extends HealthCheck {

    private final Jdbi jdbi;

    public DatabaseHealthCheck(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    protected Result check() {
        Integer one = jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
        return one == 1 ? Result.healthy() : Result.unhealthy("PostgreSQL answered SELECT 1 with " + one);
    }
}
