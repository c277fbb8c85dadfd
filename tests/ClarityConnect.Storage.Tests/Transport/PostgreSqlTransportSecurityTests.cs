namespace ClarityConnect.Storage.Tests.Transport;

/// <summary>The PostgreSQL profile with configured certificates.</summary>
public sealed class PostgreSqlTransportSecurityTests(PostgreSqlTlsSiloFixture silo)
    : TransportSecurityTests<PostgreSqlTlsSiloFixture>(silo), IClassFixture<PostgreSqlTlsSiloFixture>;
