namespace ClarityConnect.Grains.Crm;

/// <summary>Silo-side access to a CRM's stored refresh token (implemented by the authorization grain); the value stays encrypted.</summary>
public interface ICrmTokenGrain : IGrainWithStringKey
{
    /// <summary>The encrypted refresh token, or null when not authorized.</summary>
    Task<string?> GetProtectedRefreshTokenAsync();

    /// <summary>Replaces the refresh token when the CRM rotated it.</summary>
    Task StoreRefreshTokenAsync(string refreshToken);
}
