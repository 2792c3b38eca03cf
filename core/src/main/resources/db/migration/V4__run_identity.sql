-- A DnsExtractionRun's identity in the database is its resource instance (metadata.uid), so that a run
-- deleted and created again under the same name is a new run, never a resumption of the old one.
-- `name` stays for people ("namespace/name"); it is unique only among runs without a resource uid
-- (the publisher's --run-name and the worker's legacy runs).
ALTER TABLE dnsx_runs ADD COLUMN resource_uid TEXT;
DROP INDEX ux_dnsx_runs_name;
CREATE UNIQUE INDEX ux_dnsx_runs_name ON dnsx_runs (name) WHERE resource_uid IS NULL;
CREATE UNIQUE INDEX ux_dnsx_runs_resource_uid ON dnsx_runs (resource_uid) WHERE resource_uid IS NOT NULL;
CREATE INDEX ix_dnsx_runs_name_all ON dnsx_runs (name);
