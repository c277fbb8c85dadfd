using System.Collections.Concurrent;
using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Tests.OAuth;

/// <summary>Hands out credentials, stores rotated refresh tokens and records reauthorization notices, as the silo's
/// credentials source would; one for both CRMs.</summary>
public sealed class TestCredentialsSource<TCredentials>(TCredentials credentials) : ICrmCredentialsSource<TCredentials>
    where TCredentials : class, ICrmCredentials<TCredentials>
{
    public TCredentials Credentials { get; set; } = credentials;

    public ConcurrentQueue<string> RotatedRefreshTokens { get; } = new();

    public ConcurrentQueue<string> ReauthorizationReasons { get; } = new();

    public Task<TCredentials> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Credentials);

    public Task RefreshTokenRotatedAsync(string refreshToken, CancellationToken cancellationToken)
    {
        RotatedRefreshTokens.Enqueue(refreshToken);
        Credentials = Credentials.WithRefreshToken(refreshToken);
        return Task.CompletedTask;
    }

    public Task ReauthorizationRequiredAsync(string reason, CancellationToken cancellationToken)
    {
        ReauthorizationReasons.Enqueue(reason);
        return Task.CompletedTask;
    }
}
