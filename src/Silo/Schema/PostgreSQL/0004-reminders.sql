-- ClarityConnect PostgreSQL schema 0004: reminders (Orleans' ADO.NET reminder provider).
--
-- One row per (service, grain, reminder name); `version` is the reminder's ETag. grain_hash is the grain's
-- uniform hash as the provider passes it: the unsigned 32-bit value reinterpreted as a signed integer. The
-- provider picks ReadRangeRows1Key for a ring range (begin, end] that does not wrap in that signed order and
-- ReadRangeRows2Key for one that does (begin >= end, which includes the whole ring when begin = end).

CREATE TABLE cc_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    grain_hash    integer     NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT pk_cc_reminder PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX ix_cc_reminder_hash ON cc_reminder (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', $sql$
INSERT INTO cc_reminder (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 1)
ON CONFLICT ON CONSTRAINT pk_cc_reminder DO UPDATE
SET grain_hash = excluded.grain_hash,
    start_time = excluded.start_time,
    period_ms  = excluded.period_ms,
    version    = cc_reminder.version + 1
RETURNING version AS "Version";
$sql$),

('ReadReminderRowsKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM cc_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$sql$),

('ReadReminderRowKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM cc_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$sql$),

('ReadRangeRows1Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM cc_reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$sql$),

('ReadRangeRows2Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM cc_reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$sql$),

-- True when the row existed at the caller's version and is gone.
('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM cc_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
      AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted";
$sql$),

('DeleteReminderRowsKey', $sql$
DELETE FROM cc_reminder WHERE service_id = @ServiceId;
$sql$);
