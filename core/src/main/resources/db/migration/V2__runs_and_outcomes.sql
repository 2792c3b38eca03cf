-- The project's own tables. All are prefixed dnsx_ so they never collide with
-- the tables of a production database; none references a legacy table, so a
-- legacy tool deleting domains is never blocked by them.

-- One row per run: identity, selection, publisher progress and timestamps.
CREATE TABLE dnsx_runs (
    id                   BIGSERIAL PRIMARY KEY,
    name                 TEXT        NOT NULL,           -- "namespace/name" of the DnsExtractionRun, or --run-name
    selection            JSONB       NOT NULL DEFAULT '{}'::jsonb,
    record_types         TEXT[]      NOT NULL,
    state                TEXT        NOT NULL DEFAULT 'created'
                         CHECK (state IN ('created', 'publishing', 'published', 'failed')),
    total                BIGINT,                         -- domains selected; fixed when publishing starts
    published            BIGINT      NOT NULL DEFAULT 0, -- domains in confirmed messages
    domain_id_limit      BIGINT,                         -- highest domains.id in the run's snapshot
    publish_checkpoint   BIGINT      NOT NULL DEFAULT 0, -- every selected domain with id <= this is confirmed
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    publish_started_at   TIMESTAMPTZ,
    publish_finished_at  TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_dnsx_runs_name ON dnsx_runs (name);

-- Outcome counters of a run, spread over shards so that many workers committing
-- batches at once never queue on one row: a worker always adds to its own shard,
-- and readers sum the shards.
CREATE TABLE dnsx_run_counters (
    run_id   BIGINT   NOT NULL REFERENCES dnsx_runs (id) ON DELETE CASCADE,
    shard    SMALLINT NOT NULL,
    outcome  TEXT     NOT NULL,
    domains  BIGINT   NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, shard, outcome)
);

-- The outcome of each domain of a run: one row per (run, domain), written in
-- the same transaction as the domain's records. The primary key doubles as the
-- keyset index for scanning a run in domain order.
CREATE TABLE dnsx_domain_outcomes (
    run_id         BIGINT      NOT NULL REFERENCES dnsx_runs (id) ON DELETE CASCADE,
    domain_id      INTEGER     NOT NULL,
    outcome        TEXT        NOT NULL
                   CHECK (outcome IN ('resolved', 'no_data', 'nxdomain', 'servfail', 'refused', 'timeout', 'invalid')),
    type_outcomes  TEXT,        -- per record type, e.g. "A=resolved MX=no_data TXT=timeout"
    previous_outcome TEXT,      -- the outcome this row replaced, returned by the upsert so counters stay exact
    attempts       INTEGER     NOT NULL DEFAULT 1,
    resolved_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, domain_id)
) WITH (fillfactor = 90);
CREATE INDEX ix_dnsx_domain_outcomes_failed ON dnsx_domain_outcomes (run_id, outcome)
    WHERE outcome IN ('servfail', 'refused', 'timeout');

-- Names that arrived in messages but are not valid domain names: they are never
-- inserted into domains, so their outcome is kept here by name.
CREATE TABLE dnsx_invalid_names (
    run_id      BIGINT      NOT NULL REFERENCES dnsx_runs (id) ON DELETE CASCADE,
    name        TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    seen_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, name)
);

-- Record values that do not fit their legacy column (TXT over 1,000
-- characters, SOA over 255) or are not valid text (TXT bytes that are not
-- UTF-8, or contain NUL). They are kept whole here, never truncated into the
-- legacy table. value_sha256 keeps the unique index small whatever the size.
CREATE TABLE dnsx_oversized_records (
    domain_id     INTEGER     NOT NULL,
    record_type   TEXT        NOT NULL,
    value_sha256  BYTEA       NOT NULL,
    value_bytes   BYTEA       NOT NULL,   -- the value exactly as received, UTF-8 where it is text
    value_text    TEXT,                   -- the same as text when it is valid UTF-8 without NUL
    reason        TEXT        NOT NULL CHECK (reason IN ('too_long', 'not_text')),
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (domain_id, record_type, value_sha256)
);
