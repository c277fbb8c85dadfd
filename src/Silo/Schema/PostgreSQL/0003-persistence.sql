-- ClarityConnect PostgreSQL schema 0003: grain state (Orleans' ADO.NET grain storage provider).
--
-- One row per (service, state name, grain key). The provider passes the grain key as two 64-bit halves
-- (GrainIdN0/N1, for integer and GUID keys) plus a string (GrainIdExtensionString: the key extension, or the
-- whole key of a string-keyed grain), and the state name as GrainTypeString; ClarityConnect's silo puts the grain
-- type into that name (GrainTypeQualifiedGrainStorage), since the provider does not pass it otherwise.
--
-- `version` is the ETag. A write or clear names the version it read (GrainStateVersion, NULL for "no row yet")
-- and succeeds only against that version; the statements then return the new version, and otherwise return
-- nothing or NULL, which the provider turns into an InconsistentStateException. Clearing keeps the row with a
-- NULL payload and a raised version, so an old ETag can never match again.

CREATE TABLE cc_grain_state
(
    service_id      text        NOT NULL,
    grain_type      text        NOT NULL,
    grain_id_n0     bigint      NOT NULL,
    grain_id_n1     bigint      NOT NULL,
    -- '' when the provider passes NULL (no key extension), so the key columns can form the primary key.
    grain_id_string text        NOT NULL,
    grain_id_hash   integer     NOT NULL,
    grain_type_hash integer     NOT NULL,
    payload         bytea       NULL,
    version         integer     NOT NULL,
    modified_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_cc_grain_state PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_string)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $sql$
SELECT payload AS "PayloadBinary",
       version AS "Version"
FROM cc_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_string = coalesce(@GrainIdExtensionString, '');
$sql$),

-- Exactly one row comes back: the new version, or NULL when the caller's version was stale (or, for a first
-- write, when a row already exists). The insert and the update are alternatives chosen by GrainStateVersion;
-- ON CONFLICT makes two concurrent first writes end with one row and one refusal.
('WriteToStorageKey', $sql$
WITH inserted AS (
    INSERT INTO cc_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_string,
                                grain_id_hash, grain_type_hash, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''),
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT pk_cc_grain_state DO NOTHING
    RETURNING version
),
updated AS (
    UPDATE cc_grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND service_id = @ServiceId
      AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_id_string = coalesce(@GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM inserted UNION ALL SELECT version FROM updated LIMIT 1) AS "NewGrainStateVersion";
$sql$),

('ClearStorageKey', $sql$
UPDATE cc_grain_state
SET payload = NULL, version = version + 1, modified_at = now()
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_string = coalesce(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion";
$sql$),

-- Used only with AdoNetGrainStorageOptions.DeleteStateOnClear: removes the row. It returns the version the
-- row would have had next, which the provider needs to tell success (a new value) from a refusal (no row).
('DeleteStorageKey', $sql$
DELETE FROM cc_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_string = coalesce(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion";
$sql$);
