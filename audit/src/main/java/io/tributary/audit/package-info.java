/**
 * The audit log: who did what, when, provably.
 *
 * <p>Start with {@link io.tributary.audit.AuditSchema#migrate} at startup, then use one
 * {@link io.tributary.audit.AuditLog} to append {@link io.tributary.audit.AuditEntry entries},
 * {@link io.tributary.audit.AuditLog#query query} them and
 * {@link io.tributary.audit.AuditLog#verify verify} a workspace's history.
 *
 * <p>How tampering is caught:
 * <ul>
 *   <li>Rows are append-only: triggers refuse UPDATE, DELETE and TRUNCATE, and a separate
 *       application role (if configured) is granted only SELECT and INSERT.</li>
 *   <li>Each workspace's rows form a hash chain (seq 1, 2, 3, ...; each hash covers the previous
 *       one), so an edited, deleted, inserted or reordered row breaks the chain at that point.</li>
 *   <li>The chain's end is sealed with an HMAC under a key kept outside the database, so cutting
 *       off the tail, or recomputing every hash after an edit, is caught too.</li>
 * </ul>
 *
 * <p>What it cannot catch: someone with database access who deletes a workspace's rows
 * <em>and</em> its head leaves an empty workspace, which verifies clean; and someone who kept an
 * old copy of a head row can restore it after deleting the rows appended since (a rollback),
 * because the old head still carries a valid MAC. Exporting heads elsewhere (logs, backups,
 * another system) closes both gaps; the head's hash is available as {@link
 * io.tributary.audit.AuditEvent#hashHex()} of the newest event.
 *
 * <p>Never put secrets in an event's detail map: rows can never be removed.
 */
package io.tributary.audit;
