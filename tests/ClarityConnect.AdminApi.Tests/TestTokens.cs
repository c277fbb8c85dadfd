using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>Bearer tokens for the admin API fixture's JWT settings, valid or broken on purpose.</summary>
internal static class TestTokens
{
    public static string Create(
        string issuer = AdminApiFixture.JwtIssuer, string audience = AdminApiFixture.JwtAudience, string? role = AdminApiFixture.JwtRole,
        DateTime? expires = null, string? key = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "admin@example.com" };
        if (role is not null)
        {
            claims["roles"] = new[] { role };
        }

        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = expiry.AddMinutes(-30),
            IssuedAt = expiry.AddMinutes(-30),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(key ?? AdminApiFixture.JwtSigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
