package io.tributary.server.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Widget changes between nodes, on one PostgreSQL NOTIFY channel whose payload is the block's id. */
public interface WidgetChangeDao {

    String CHANNEL = "tributary_widget_changes";

    /** Announces a block's change when the handle's transaction commits (so only committed data is announced). */
    @SqlUpdate("SELECT pg_notify('" + CHANNEL + "', :blockId)")
    void announce(@Bind("blockId") String blockId);

    /** Subscribes the handle's connection to the channel: its notifications arrive on that connection. */
    @SqlUpdate("LISTEN " + CHANNEL)
    void listen();
}
