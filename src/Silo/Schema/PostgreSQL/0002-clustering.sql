-- ClarityConnect PostgreSQL schema 0002: cluster membership (Orleans' ADO.NET clustering provider).
--
-- One row per cluster (the provider's DeploymentId is the ClusterId) holds the membership table version; the
-- silos' rows sit beside it. Every change of a silo row must raise that version in the same transaction and
-- only if the caller saw the current one: that is how silos agree on membership. The statements return the
-- column names the provider reads (quoted aliases) and booleans where it expects "succeeded or not".

CREATE TABLE cc_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_cc_membership_version PRIMARY KEY (deployment_id)
);

CREATE TABLE cc_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    -- "silo,time|silo,time": the provider's own encoding of the suspicion votes against this silo.
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT pk_cc_membership PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT fk_cc_membership_version FOREIGN KEY (deployment_id) REFERENCES cc_membership_version (deployment_id)
);

-- Adds a silo row, if the caller read the table at version p_version and the silo is not there yet; raises the
-- version with it. The version row is locked first, so concurrent writers queue and all but one see a new version.
CREATE FUNCTION cc_membership_insert(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $body$
BEGIN
    PERFORM 1
    FROM cc_membership_version
    WHERE deployment_id = p_deployment_id AND version = p_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO cc_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                               proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, coalesce(p_silo_name, ''), coalesce(p_host_name, ''),
            p_status, coalesce(p_proxy_port, 0), NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT ON CONSTRAINT pk_cc_membership DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE cc_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
    RETURN true;
END;
$body$;

-- Changes a silo's status and suspicion votes, if the caller read the table at version p_version; raises the
-- version with it. I-am-alive never moves back: a late write must not make a live silo look older.
CREATE FUNCTION cc_membership_update(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $body$
BEGIN
    PERFORM 1
    FROM cc_membership_version
    WHERE deployment_id = p_deployment_id AND version = p_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE cc_membership
    SET status = p_status,
        suspect_times = p_suspect_times,
        i_am_alive_time = greatest(i_am_alive_time, p_i_am_alive_time)
    WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE cc_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
    RETURN true;
END;
$body$;

INSERT INTO orleansquery (querykey, querytext) VALUES
-- Creates the cluster's version row (at version 0) unless it exists; true when this call created it.
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO cc_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT ON CONSTRAINT pk_cc_membership_version DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Inserted";
$sql$),

('InsertMembershipKey', $sql$
SELECT cc_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                            @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Inserted";
$sql$),

('UpdateMembershipKey', $sql$
SELECT cc_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                            @IAmAliveTime, @Version) AS "Updated";
$sql$),

-- The heartbeat: not versioned, since it changes no silo's status.
('UpdateIAmAlivetimeKey', $sql$
UPDATE cc_membership
SET i_am_alive_time = greatest(i_am_alive_time, @IAmAliveTime)
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$sql$),

-- The version row always comes back (even with no silo row, whose columns are then NULL): the provider takes
-- the table version from it.
('MembershipReadRowKey', $sql$
SELECT v.version          AS "Version",
       m.address          AS "Address",
       m.port             AS "Port",
       m.generation       AS "Generation",
       m.silo_name        AS "SiloName",
       m.host_name        AS "HostName",
       m.status           AS "Status",
       m.proxy_port       AS "ProxyPort",
       m.suspect_times    AS "SuspectTimes",
       m.start_time       AS "StartTime",
       m.i_am_alive_time  AS "IAmAliveTime"
FROM cc_membership_version AS v
LEFT JOIN cc_membership AS m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$sql$),

('MembershipReadAllKey', $sql$
SELECT v.version          AS "Version",
       m.address          AS "Address",
       m.port             AS "Port",
       m.generation       AS "Generation",
       m.silo_name        AS "SiloName",
       m.host_name        AS "HostName",
       m.status           AS "Status",
       m.proxy_port       AS "ProxyPort",
       m.suspect_times    AS "SuspectTimes",
       m.start_time       AS "StartTime",
       m.i_am_alive_time  AS "IAmAliveTime"
FROM cc_membership_version AS v
LEFT JOIN cc_membership AS m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$sql$),

-- Gateways for clients: silos in the status the provider asks for (Active) that accept clients.
('GatewaysQueryKey', $sql$
SELECT address    AS "Address",
       proxy_port AS "ProxyPort",
       generation AS "Generation"
FROM cc_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$sql$),

('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM cc_membership WHERE deployment_id = @DeploymentId;
DELETE FROM cc_membership_version WHERE deployment_id = @DeploymentId;
$sql$),

-- Bulk clean-up, used by providers that lack the single-row statement below: dead silos (status 6) that stopped
-- reporting before the cut-off.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM cc_membership
WHERE deployment_id = @DeploymentId
  AND status = 6
  AND i_am_alive_time < @IAmAliveTime
  AND start_time < @IAmAliveTime;
$sql$),

-- Single-row clean-up: the provider has picked a dead row it read; delete it only if nobody changed it since.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM cc_membership
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime
  AND i_am_alive_time = @IAmAliveTime
  AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '');
$sql$);
