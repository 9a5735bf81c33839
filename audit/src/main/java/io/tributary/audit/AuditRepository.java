package io.tributary.audit;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** All SQL of the module: reads and writes {@code audit_event} and {@code audit_chain_head}. */
final class AuditRepository {

    private static final String EVENT_COLUMNS =
            "workspace, seq, occurred_at, actor, action, target, detail::text AS detail, prev_hash, hash";

    private static final RowMapper<AuditEvent> EVENT = (rs, ctx) -> new AuditEvent(
            rs.getString("workspace"),
            rs.getLong("seq"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rs.getString("actor"),
            rs.getString("action"),
            rs.getString("target"),
            DetailJson.read(rs.getString("detail")),
            rs.getBytes("prev_hash"),
            rs.getBytes("hash"));

    private static final RowMapper<ChainHead> HEAD = (rs, ctx) -> new ChainHead(
            rs.getString("workspace"), rs.getLong("last_seq"), rs.getBytes("last_hash"), rs.getString("key_id"), rs.getBytes("mac"));

    private static final RowMapper<VerifiedPrefix> VERIFIED = (rs, ctx) -> new VerifiedPrefix(
            rs.getString("workspace"), rs.getLong("seq"), rs.getBytes("hash"), rs.getString("key_id"), rs.getBytes("mac"),
            rs.getObject("verified_at", OffsetDateTime.class).toInstant());

    private static final String HEAD_COLUMNS = "workspace, last_seq, last_hash, key_id, mac";

    /** Rows fetched per round trip when walking a whole chain. */
    private static final int CHAIN_FETCH_SIZE = 1_000;

    /**
     * Returns the workspace's head, creating it as {@code emptyHead} if absent, and locks it until
     * the transaction ends: this is what serialises appends per workspace. Must run in a transaction.
     */
    ChainHead lockHead(Handle handle, ChainHead emptyHead) {
        handle.createUpdate("""
                INSERT INTO audit_chain_head (workspace, last_seq, last_hash, key_id, mac)
                VALUES (:workspace, :lastSeq, :lastHash, :keyId, :mac)
                ON CONFLICT (workspace) DO NOTHING""")
                .bind("workspace", emptyHead.workspace())
                .bind("lastSeq", emptyHead.lastSeq())
                .bind("lastHash", emptyHead.lastHash())
                .bind("keyId", emptyHead.keyId())
                .bind("mac", emptyHead.mac())
                .execute();
        return handle.createQuery("SELECT " + HEAD_COLUMNS + " FROM audit_chain_head WHERE workspace = :workspace FOR UPDATE")
                .bind("workspace", emptyHead.workspace())
                .map(HEAD)
                .one();
    }

    void updateHead(Handle handle, ChainHead head) {
        handle.createUpdate("""
                UPDATE audit_chain_head SET last_seq = :lastSeq, last_hash = :lastHash, key_id = :keyId, mac = :mac
                WHERE workspace = :workspace""")
                .bind("workspace", head.workspace())
                .bind("lastSeq", head.lastSeq())
                .bind("lastHash", head.lastHash())
                .bind("keyId", head.keyId())
                .bind("mac", head.mac())
                .execute();
    }

    Optional<ChainHead> findHead(Handle handle, String workspace) {
        return handle.createQuery("SELECT " + HEAD_COLUMNS + " FROM audit_chain_head WHERE workspace = :workspace")
                .bind("workspace", workspace)
                .map(HEAD)
                .findOne();
    }

    /** Every chain's head, by workspace. */
    List<ChainHead> allHeads(Handle handle) {
        return handle.createQuery("SELECT " + HEAD_COLUMNS + " FROM audit_chain_head ORDER BY workspace").map(HEAD).list();
    }

    Optional<VerifiedPrefix> findVerified(Handle handle, String workspace) {
        return handle.createQuery("SELECT workspace, seq, hash, key_id, mac, verified_at FROM audit_verified WHERE workspace = :workspace")
                .bind("workspace", workspace)
                .map(VERIFIED)
                .findOne();
    }

    /** Records a verified prefix, unless a longer one is already recorded. */
    void saveVerified(Handle handle, VerifiedPrefix prefix) {
        handle.createUpdate("""
                INSERT INTO audit_verified (workspace, seq, hash, key_id, mac, verified_at)
                VALUES (:workspace, :seq, :hash, :keyId, :mac, :verifiedAt)
                ON CONFLICT (workspace) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, key_id = excluded.key_id,
                    mac = excluded.mac, verified_at = excluded.verified_at
                WHERE audit_verified.seq <= excluded.seq""")
                .bind("workspace", prefix.workspace())
                .bind("seq", prefix.seq())
                .bind("hash", prefix.hash())
                .bind("keyId", prefix.keyId())
                .bind("mac", prefix.mac())
                .bind("verifiedAt", timestamptz(prefix.verifiedAt()))
                .execute();
    }

    /** The hash of one event, if it exists. */
    Optional<byte[]> hashAt(Handle handle, String workspace, long seq) {
        return handle.createQuery("SELECT hash FROM audit_event WHERE workspace = :workspace AND seq = :seq")
                .bind("workspace", workspace)
                .bind("seq", seq)
                .mapTo(byte[].class)
                .findOne();
    }

    void insert(Handle handle, AuditEvent event) {
        handle.createUpdate("""
                INSERT INTO audit_event (workspace, seq, occurred_at, actor, action, target, detail, prev_hash, hash)
                VALUES (:workspace, :seq, :time, :actor, :action, :target, CAST(:detail AS jsonb), :prevHash, :hash)""")
                .bind("workspace", event.workspace())
                .bind("seq", event.seq())
                .bind("time", timestamptz(event.time()))
                .bind("actor", event.actor())
                .bind("action", event.action())
                .bind("target", event.target())
                .bind("detail", DetailJson.write(event.detail()))
                .bind("prevHash", event.prevHash())
                .bind("hash", event.hash())
                .execute();
    }

    /**
     * Hands {@code walker} the workspace's events in seq order, fetched in batches rather than all
     * at once (PostgreSQL only streams inside a transaction, so call this in one).
     */
    <R> R walkChain(Handle handle, String workspace, long afterSeq, Function<Iterator<AuditEvent>, R> walker) {
        return handle.createQuery("SELECT " + EVENT_COLUMNS + " FROM audit_event WHERE workspace = :workspace AND seq > :afterSeq ORDER BY seq")
                .bind("workspace", workspace)
                .bind("afterSeq", afterSeq)
                .setFetchSize(CHAIN_FETCH_SIZE)
                .map(EVENT)
                .withIterator(walker::apply);
    }

    /** Up to {@code limit} events matching the query's filters with seq above {@code afterSeq}, in seq order. */
    List<AuditEvent> find(Handle handle, AuditQuery query, long afterSeq, int limit) {
        // Only fixed fragments are concatenated; every value is bound.
        StringBuilder sql = new StringBuilder("SELECT ").append(EVENT_COLUMNS)
                .append(" FROM audit_event WHERE workspace = :workspace AND seq > :afterSeq");
        if (query.actor() != null) {
            sql.append(" AND actor = :actor");
        }
        if (query.action() != null) {
            sql.append(" AND action = :action");
        }
        if (query.since() != null) {
            sql.append(" AND occurred_at >= :since");
        }
        if (query.until() != null) {
            sql.append(" AND occurred_at < :until");
        }
        sql.append(" ORDER BY seq LIMIT :limit");

        Query select = handle.createQuery(sql.toString())
                .bind("workspace", query.workspace())
                .bind("afterSeq", afterSeq)
                .bind("limit", limit);
        if (query.actor() != null) {
            select.bind("actor", query.actor());
        }
        if (query.action() != null) {
            select.bind("action", query.action());
        }
        if (query.since() != null) {
            select.bind("since", timestamptz(query.since()));
        }
        if (query.until() != null) {
            select.bind("until", timestamptz(query.until()));
        }
        return select.map(EVENT).list();
    }

    // Bound as timestamptz explicitly, so the JVM's time zone never plays a part.
    private static Argument timestamptz(Instant instant) {
        OffsetDateTime utc = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, utc, Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
