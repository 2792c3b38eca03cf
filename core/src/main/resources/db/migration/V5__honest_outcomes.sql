-- Outcomes that used to pass for others: a CNAME chain longer than the limit (was no_data), an answer still
-- truncated over TCP (was no_data or resolved with part of the set), answers that could not be parsed (were
-- timeouts). All three are failures, which a later run may retry.
ALTER TABLE dnsx_domain_outcomes DROP CONSTRAINT IF EXISTS dnsx_domain_outcomes_outcome_check;
ALTER TABLE dnsx_domain_outcomes ADD CONSTRAINT dnsx_domain_outcomes_outcome_check
    CHECK (outcome IN ('resolved', 'no_data', 'nxdomain', 'servfail', 'refused', 'timeout', 'invalid',
                       'chain_too_long', 'truncated', 'malformed'));
DROP INDEX IF EXISTS ix_dnsx_domain_outcomes_failed;
CREATE INDEX ix_dnsx_domain_outcomes_failed ON dnsx_domain_outcomes (run_id, outcome)
    WHERE outcome IN ('servfail', 'refused', 'timeout', 'chain_too_long', 'truncated', 'malformed');
