-- Privileges for the application's database role, when the deployment uses a separate one
-- (Flyway placeholder appRole; empty by default, then the application owns the tables and
-- this is a no-op).
--
-- The application may only read and append events; the triggers refuse UPDATE, DELETE and
-- TRUNCATE even for the owner, and the missing privileges refuse them for the app role too.
-- It may read, create and update chain heads (every append moves the head; the MAC keeps
-- that safe), but not delete them; likewise the sealed verified prefixes (a forged one fails
-- its MAC and verification reads the whole chain).
--
-- Repeatable so that it runs again when the role changes (the checksum covers the
-- placeholder value). The role name is validated by AuditSchema before it gets here.
DO $grants$
DECLARE
    app_role text := '${appRole}';
BEGIN
    IF app_role = '' THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE ALL ON TABLE audit_event, audit_chain_head, audit_verified FROM %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT ON TABLE audit_event TO %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON TABLE audit_chain_head TO %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON TABLE audit_verified TO %I', app_role);
END
$grants$;
