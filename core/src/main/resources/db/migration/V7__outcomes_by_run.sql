-- The outcomes of each run in a partition of their own, so that a finished run's millions of rows go with
-- one DROP TABLE when its retention ends (OutcomeRetention) instead of a DELETE that rewrites the table and
-- bloats it. A trigger on dnsx_runs gives every new run its partition, whoever creates the run (publisher,
-- legacy worker, tests).
--
-- The partition is created apart and then attached: ATTACH PARTITION takes only a SHARE UPDATE EXCLUSIVE
-- lock on the parent, which the workers' writes and the publishers' reads of other runs do not wait for,
-- while CREATE TABLE ... PARTITION OF would lock them all out until the transaction creating the run
-- (which counts its selection) commits. For the same reason there is no foreign key to dnsx_runs (attaching
-- would lock dnsx_runs against every progress update) and no default partition (attaching would scan and
-- lock it): an outcome for a run without a partition, one whose outcomes were dropped, is refused.
ALTER TABLE dnsx_runs ADD COLUMN outcome_retention_days INTEGER CHECK (outcome_retention_days > 0);
ALTER TABLE dnsx_runs ADD COLUMN outcomes_dropped_at TIMESTAMPTZ;

ALTER TABLE dnsx_domain_outcomes RENAME TO dnsx_domain_outcomes_unpartitioned;
ALTER INDEX dnsx_domain_outcomes_pkey RENAME TO dnsx_domain_outcomes_unpartitioned_pkey;
DROP INDEX ix_dnsx_domain_outcomes_failed;
DROP INDEX ix_dnsx_domain_outcomes_domain;

CREATE TABLE dnsx_domain_outcomes (
    run_id           BIGINT      NOT NULL,
    domain_id        INTEGER     NOT NULL,
    outcome          TEXT        NOT NULL
                     CONSTRAINT dnsx_domain_outcomes_outcome_check
                     CHECK (outcome IN ('resolved', 'no_data', 'nxdomain', 'servfail', 'refused', 'timeout', 'invalid',
                                        'chain_too_long', 'truncated', 'malformed')),
    type_outcomes    TEXT,
    previous_outcome TEXT,
    attempts         INTEGER     NOT NULL DEFAULT 1,
    resolved_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, domain_id)
) PARTITION BY LIST (run_id);
CREATE INDEX ix_dnsx_domain_outcomes_failed ON dnsx_domain_outcomes (run_id, outcome)
    WHERE outcome IN ('servfail', 'refused', 'timeout', 'chain_too_long', 'truncated', 'malformed');
CREATE INDEX ix_dnsx_domain_outcomes_domain ON dnsx_domain_outcomes (domain_id);

-- The partition of run N is dnsx_domain_outcomes_rN.
CREATE FUNCTION dnsx_create_outcome_partition(run BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    part TEXT := 'dnsx_domain_outcomes_r' || run;
BEGIN
    IF to_regclass(part) IS NULL THEN
        EXECUTE format('CREATE TABLE %I (LIKE dnsx_domain_outcomes INCLUDING DEFAULTS INCLUDING CONSTRAINTS)'
                       || ' WITH (fillfactor = 90)', part);
        -- the partition constraint, so that attaching needs no scan
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (run_id = %s)', part, part || '_run', run);
        EXECUTE format('ALTER TABLE dnsx_domain_outcomes ATTACH PARTITION %I FOR VALUES IN (%s)', part, run);
    END IF;
END $$;

CREATE FUNCTION dnsx_runs_outcome_partition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dnsx_create_outcome_partition(NEW.id);
    RETURN NEW;
END $$;
CREATE TRIGGER dnsx_runs_outcome_partition AFTER INSERT ON dnsx_runs
    FOR EACH ROW EXECUTE FUNCTION dnsx_runs_outcome_partition();

SELECT dnsx_create_outcome_partition(id) FROM dnsx_runs ORDER BY id;
INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, type_outcomes, previous_outcome, attempts, resolved_at)
    SELECT run_id, domain_id, outcome, type_outcomes, previous_outcome, attempts, resolved_at
    FROM dnsx_domain_outcomes_unpartitioned;
DROP TABLE dnsx_domain_outcomes_unpartitioned;
