namespace ClarityConnect.Storage.Tests.Transport;

/// <summary>The embedded profile, secure with nothing configured.</summary>
public sealed class EmbeddedTransportSecurityTests(EmbeddedTlsSiloFixture silo)
    : TransportSecurityTests<EmbeddedTlsSiloFixture>(silo), IClassFixture<EmbeddedTlsSiloFixture>;
