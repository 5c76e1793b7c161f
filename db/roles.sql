-- Two database roles for a production deployment, run once by a superuser connected to the application
-- database (createdb projecttracker && psql -d projecttracker -f db/roles.sql):
--   projecttracker_owner  owns the schema; migrations run as it (ConnectionStrings:ProjectTrackerMigrations)
--   projecttracker_app    what the API serves requests as (ConnectionStrings:ProjectTracker): reads and writes
--                         rows, nothing else: it cannot create, alter or drop anything, nor disable the
--                         audit trail's append-only trigger, which only the owner could.
-- The database becomes the owner's; give both roles a password (ALTER ROLE … PASSWORD) and run the migrations
-- as the owner. Privileges on every table and sequence the migrations create, now or later, reach the app
-- role through this database's default privileges below.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'projecttracker_owner') THEN
        CREATE ROLE projecttracker_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'projecttracker_app') THEN
        CREATE ROLE projecttracker_app LOGIN;
    END IF;
    EXECUTE format('ALTER DATABASE %I OWNER TO projecttracker_owner', current_database());
END
$$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE projecttracker_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO projecttracker_app;
ALTER DEFAULT PRIVILEGES FOR ROLE projecttracker_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO projecttracker_app;
ALTER DEFAULT PRIVILEGES FOR ROLE projecttracker_owner IN SCHEMA public
    GRANT EXECUTE ON FUNCTIONS TO projecttracker_app;
