using System.Collections.Concurrent;
using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Connectors.Tests.Salesforce;

/// <summary>Hands out credentials, stores rotated refresh tokens and records reauthorization notices, as the silo's settings grain would.</summary>
public sealed class TestCredentialsSource(SalesforceCredentials credentials) : ISalesforceCredentialsSource
{
    public SalesforceCredentials Credentials { get; set; } = credentials;

    public ConcurrentQueue<string> ReauthorizationReasons { get; } = new();

    public Task<SalesforceCredentials> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Credentials);

    public ConcurrentQueue<string> RotatedRefreshTokens { get; } = new();

    public Task RefreshTokenRotatedAsync(string refreshToken, CancellationToken cancellationToken)
    {
        RotatedRefreshTokens.Enqueue(refreshToken);
        Credentials = Credentials with { RefreshToken = refreshToken };
        return Task.CompletedTask;
    }

    public Task ReauthorizationRequiredAsync(string reason, CancellationToken cancellationToken)
    {
        ReauthorizationReasons.Enqueue(reason);
        return Task.CompletedTask;
    }
}
