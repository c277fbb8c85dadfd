using System.Collections.Concurrent;
using ClarityConnect.Connectors.Dataverse;

namespace ClarityConnect.Connectors.Tests.Dataverse;

/// <summary>Hands out credentials, stores rotated refresh tokens and records reauthorization notices, as the silo's settings grain would.</summary>
public sealed class DataverseTestCredentialsSource(DataverseCredentials credentials) : IDataverseCredentialsSource
{
    public DataverseCredentials Credentials { get; set; } = credentials;

    public ConcurrentQueue<string> RotatedRefreshTokens { get; } = new();

    public ConcurrentQueue<string> ReauthorizationReasons { get; } = new();

    public Task<DataverseCredentials> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Credentials);

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
