package org.dprktrade.briefing.support;

/**
 * Where the product's own tables (period locks, scheduled deliveries, delivery records) are defined, once for
 * both databases: Flyway applies the script as migration V3 on PostgreSQL (under its lock, once), and on the
 * embedded H2 the state and delivery configurations run the same file at every start — every statement in it
 * is {@code CREATE ... IF NOT EXISTS}, in the dialect both accept. A change to the tables is a new migration,
 * never an edit of this one (Flyway checks its checksum), and the H2 side then runs both files.
 */
public final class ProductTables {

    public static final String SCRIPT = "db/migration/postgresql/V3__briefing_tables.sql";

    private ProductTables() {
    }
}
