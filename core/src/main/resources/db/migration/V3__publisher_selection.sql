-- What the publisher needs to select a run's domains.

-- "never extracted" asks whether any run has an outcome for a domain.
CREATE INDEX ix_dnsx_domain_outcomes_domain ON dnsx_domain_outcomes (domain_id);

-- An explicit list of domains for a run, fixed when the run starts; the publisher walks it in
-- domain order like any other selection.
CREATE TABLE dnsx_run_members (
    run_id     BIGINT  NOT NULL REFERENCES dnsx_runs (id) ON DELETE CASCADE,
    domain_id  INTEGER NOT NULL,
    PRIMARY KEY (run_id, domain_id)
);
