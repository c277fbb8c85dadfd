-- ClarityConnect PostgreSQL schema 0001: the statement catalogue of Orleans' ADO.NET providers.
--
-- Orleans' ADO.NET clustering, persistence and reminder providers send no SQL of their own: at start-up they
-- load their statements from this table by key (`SELECT QueryKey, QueryText FROM OrleansQuery`), bind their
-- arguments as named parameters (@Name) and read the results by column name. Scripts 0002-0004 add, per
-- provider, the tables and the statements behind each key.
--
-- Applied by PostgresSchemaMigrator inside one transaction (no BEGIN/COMMIT here); never edit an applied script,
-- add a higher-numbered one.

CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);

COMMENT ON TABLE orleansquery IS
    'Statements run by Orleans'' ADO.NET providers, by key; rows added by the ClarityConnect schema scripts.';
