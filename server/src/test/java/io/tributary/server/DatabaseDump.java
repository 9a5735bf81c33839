package io.tributary.server;

import org.jdbi.v3.core.Jdbi;

/** Every row of every table in the public schema as JSON text, to search for what must not be stored. */
final class DatabaseDump {

    private DatabaseDump() {
    }

    static String everyTable(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            StringBuilder dump = new StringBuilder();
            for (String table : handle.createQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                    .mapTo(String.class).list()) {
                dump.append("== ").append(table).append('\n');
                handle.createQuery("SELECT row_to_json(t)::text FROM \"" + table + "\" t").mapTo(String.class)
                        .forEach(row -> dump.append(row).append('\n'));
            }
            return dump.toString();
        });
    }
}
