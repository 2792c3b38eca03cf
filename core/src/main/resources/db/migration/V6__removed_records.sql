-- Records that an authoritative answer (records, no data, NXDOMAIN) for their type no longer holds. They
-- are moved here from the legacy tables (and from dnsx_oversized_records) in the transaction that stores
-- the new set, so that readers of the legacy tables see only records that exist, and a domain's DNS
-- history is kept. A timeout, SERVFAIL or REFUSED removes nothing.
CREATE TABLE dnsx_removed_records (
    domain_id    INTEGER     NOT NULL,
    record_type  TEXT        NOT NULL,
    value        TEXT        NOT NULL,   -- as `query` prints it: MX "priority exchange"; oversized TXT that is
                                         -- not text as base64
    last_seen    TIMESTAMPTZ NOT NULL,   -- the removed row's updated_at: the last answer that held it
    removed_at   TIMESTAMPTZ NOT NULL,
    run_id       BIGINT                  -- the run whose answer removed it
);
CREATE INDEX ix_dnsx_removed_records_domain ON dnsx_removed_records (domain_id, record_type, removed_at);
