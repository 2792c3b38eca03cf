-- The legacy DNS tables, exactly as the Python system created them
-- (reference: legacy-schema.sql). Each table, with its indexes, is created only
-- when the table does not exist: on a production database nothing of theirs is
-- touched, not even an index.
DO $$
BEGIN
  IF to_regclass('domains') IS NULL THEN
    CREATE TABLE domains (
        id          SERIAL PRIMARY KEY,
        name        VARCHAR(255) NOT NULL,
        created_at  TIMESTAMPTZ  NOT NULL,
        updated_at  TIMESTAMPTZ  NOT NULL,
        country_code VARCHAR(8),
        country     VARCHAR(255),
        state       VARCHAR(255),
        city        VARCHAR(255),
        banner      TEXT,
        header_status VARCHAR(16),
        header_server VARCHAR(255)
    );
    CREATE UNIQUE INDEX ix_domains_name ON domains (name);
  END IF;

  IF to_regclass('a_records') IS NULL THEN
    CREATE TABLE a_records (
        id          SERIAL PRIMARY KEY,
        domain_id   INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
        ip_address  VARCHAR(64) NOT NULL,
        created_at  TIMESTAMPTZ NOT NULL,
        updated_at  TIMESTAMPTZ NOT NULL
    );
    CREATE UNIQUE INDEX ux_a_records_domain_id_ip_address ON a_records (domain_id, ip_address);
    CREATE INDEX ix_a_records_ip ON a_records (ip_address);
  END IF;

  IF to_regclass('aaaa_records') IS NULL THEN
    CREATE TABLE aaaa_records (
        id          SERIAL PRIMARY KEY,
        domain_id   INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
        ip_address  VARCHAR(128) NOT NULL,
        created_at  TIMESTAMPTZ NOT NULL,
        updated_at  TIMESTAMPTZ NOT NULL
    );
    CREATE UNIQUE INDEX ux_aaaa_records_domain_id_ip_address ON aaaa_records (domain_id, ip_address);
  END IF;

  IF to_regclass('ns_records') IS NULL THEN
    CREATE TABLE ns_records (
        id          SERIAL PRIMARY KEY,
        domain_id   INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
        value       VARCHAR(255) NOT NULL,
        updated_at  TIMESTAMPTZ NOT NULL
    );
    CREATE UNIQUE INDEX ux_ns_records_domain_id_value ON ns_records (domain_id, value);
  END IF;

  IF to_regclass('soa_records') IS NULL THEN
    CREATE TABLE soa_records (
        id          SERIAL PRIMARY KEY,
        domain_id   INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
        value       VARCHAR(255) NOT NULL,
        updated_at  TIMESTAMPTZ NOT NULL
    );
    CREATE UNIQUE INDEX ux_soa_records_domain_id_value ON soa_records (domain_id, value);
  END IF;

  IF to_regclass('mx_records') IS NULL THEN
    CREATE TABLE mx_records (
        id          SERIAL PRIMARY KEY,
        domain_id   INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
        exchange    VARCHAR(255) NOT NULL,
        priority    INTEGER,
        updated_at  TIMESTAMPTZ NOT NULL
    );
    CREATE UNIQUE INDEX ux_mx_records_domain_id_exchange_priority ON mx_records (domain_id, exchange, priority);
  END IF;

  IF to_regclass('cname_records') IS NULL THEN
    CREATE TABLE cname_records (
        id          SERIAL PRIMARY KEY,
        domain_id   INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
        target      VARCHAR(255) NOT NULL,
        updated_at  TIMESTAMPTZ NOT NULL
    );
    CREATE UNIQUE INDEX ux_cname_records_domain_id_target ON cname_records (domain_id, target);
  END IF;

  IF to_regclass('txt_records') IS NULL THEN
    CREATE TABLE txt_records (
        id          SERIAL PRIMARY KEY,
        domain_id   INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
        content     VARCHAR(1000) NOT NULL,
        updated_at  TIMESTAMPTZ NOT NULL
    );
    CREATE UNIQUE INDEX ux_txt_records_domain_id_content ON txt_records (domain_id, content);
  END IF;
END
$$;
