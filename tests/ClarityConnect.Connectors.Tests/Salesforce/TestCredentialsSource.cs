using System.Collections.Concurrent;
using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Connectors.Tests.Salesforce;

/// <summary>Hands out fixed credentials and records reauthorization notices, as the silo's settings grain would.</summary>
public sealed class TestCredentialsSource(SalesforceCredentials credentials) : ISalesforceCredentialsSource
{
    public SalesforceCredentials Credentials { get; set; } = credentials;

    public ConcurrentQueue<string> ReauthorizationReasons { get; } = new();

    public Task<SalesforceCredentials> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Credentials);

    public Task ReauthorizationRequiredAsync(string reason, CancellationToken cancellationToken)
    {
        ReauthorizationReasons.Enqueue(reason);
        return Task.CompletedTask;
    }
}
