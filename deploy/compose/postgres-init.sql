-- Runs once, when the postgres container initialises an empty data volume
-- (mounted into /docker-entrypoint-initdb.d by docker-compose.yml).
-- One database and one login user per service, each user owning its database; the same names
-- and local-only passwords as the local stack (deploy/local/up). Not for production.
CREATE ROLE client_registry LOGIN PASSWORD 'client_registry-local-only';
CREATE DATABASE client_registry OWNER client_registry;
-- the service's own login (issue 15 §4): reads and appends audit rows, cannot change them; the owner runs the migrations
CREATE ROLE client_registry_app LOGIN PASSWORD 'client_registry_app-local-only';
GRANT client_registry_app TO client_registry;

CREATE ROLE benefit_calculation LOGIN PASSWORD 'benefit_calculation-local-only';
CREATE DATABASE benefit_calculation OWNER benefit_calculation;
-- the service's own login (issue 15 §4): reads and appends audit rows, cannot change them; the owner runs the migrations
CREATE ROLE benefit_calculation_app LOGIN PASSWORD 'benefit_calculation_app-local-only';
GRANT benefit_calculation_app TO benefit_calculation;

CREATE ROLE job_placement LOGIN PASSWORD 'job_placement-local-only';
CREATE DATABASE job_placement OWNER job_placement;
-- the service's own login (issue 15 §4): reads and appends audit rows, cannot change them; the owner runs the migrations
CREATE ROLE job_placement_app LOGIN PASSWORD 'job_placement_app-local-only';
GRANT job_placement_app TO job_placement;

CREATE ROLE reporting LOGIN PASSWORD 'reporting-local-only';
CREATE DATABASE reporting OWNER reporting;
-- the service's own login (issue 15 §4): reads and appends audit rows, cannot change them; the owner runs the migrations
CREATE ROLE reporting_app LOGIN PASSWORD 'reporting_app-local-only';
GRANT reporting_app TO reporting;

-- Read-only access to client-registry's person keys for benefit-calculation (health facts); client-registry's
-- Flyway callback afterMigrate.sql grants SELECT on person_key to it.
CREATE ROLE person_key_reader LOGIN PASSWORD 'person_key_reader-local-only';
