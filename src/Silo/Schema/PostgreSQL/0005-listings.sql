-- ClarityConnect PostgreSQL schema 0005: the session and export listings the admin API pages through.
--
-- Derived from the grains (which stay the source of truth) and written with idempotent upserts. Times are Unix
-- milliseconds (UTC), the same layout as the embedded profile's SQLite tables, so one set of queries serves both.

CREATE TABLE cc_session_listing
(
    service_id    text    NOT NULL,
    session_id    text    NOT NULL,
    channel       text    NOT NULL,
    status        text    NOT NULL,
    queue         text    NULL,
    agent_id      text    NULL,
    started_at_ms bigint  NOT NULL,
    updated_at_ms bigint  NOT NULL,
    sequence      bigint  NOT NULL,
    CONSTRAINT pk_cc_session_listing PRIMARY KEY (service_id, session_id)
);

CREATE INDEX ix_cc_session_listing_started ON cc_session_listing (service_id, started_at_ms DESC, session_id);

CREATE TABLE cc_export_listing
(
    service_id    text    NOT NULL,
    target        text    NOT NULL,
    session_id    text    NOT NULL,
    state         text    NOT NULL,
    attempts      integer NOT NULL,
    last_error    text    NULL,
    created_at_ms bigint  NOT NULL,
    updated_at_ms bigint  NOT NULL,
    CONSTRAINT pk_cc_export_listing PRIMARY KEY (service_id, target, session_id)
);

CREATE INDEX ix_cc_export_listing_state ON cc_export_listing (service_id, state, updated_at_ms DESC);
