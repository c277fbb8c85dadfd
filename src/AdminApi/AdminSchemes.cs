using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace ClarityConnect.AdminApi;

/// <summary>
/// The admin API's authentication schemes: a request with <c>Authorization: Bearer …</c> is checked as a JWT (when
/// tokens are enabled), any other as an API key; so each failure is answered by the scheme the caller used.
/// </summary>
internal static class AdminSchemes
{
    /// <summary>The policy scheme that picks one of the two.</summary>
    public const string Selector = "AdminApi";

    /// <summary>The JWT bearer scheme.</summary>
    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>
    /// The scheme for <paramref name="context"/>'s request: a bearer credential shaped like a JWT (dot-separated parts)
    /// goes to the JWT scheme when tokens are enabled; anything else, including an API key sent as a bearer token (what
    /// Prometheus and most scrapers can send), to the API key scheme.
    /// </summary>
    public static string Select(HttpContext context, bool bearerEnabled) =>
        bearerEnabled && ApiKeyAuthenticationHandler.BearerCredential(context.Request) is { } credential && credential.Contains('.', StringComparison.Ordinal)
            ? Bearer
            : ApiKeyAuthenticationHandler.SchemeName;

    /// <summary>The claim the required role is looked up in.</summary>
    public const string RolesClaim = "roles";

    /// <summary>
    /// Copies <paramref name="identity"/>'s <c>role</c> claims into <see cref="RolesClaim"/>: Entra ID puts app roles in
    /// "roles", other issuers use "role". The bearer tokens and the site's OpenID Connect sign-in both use it.
    /// </summary>
    public static void CopyRoles(ClaimsIdentity identity)
    {
        foreach (var role in identity.FindAll("role").ToList())
        {
            identity.AddClaim(new Claim(RolesClaim, role.Value));
        }
    }

    /// <summary>Validates issuer, audience, lifetime and signature per <paramref name="jwt"/>; failures answer with a ProblemDetails.</summary>
    public static void ConfigureBearer(JwtBearerOptions options, JwtSettings jwt)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            NameClaimType = "sub",
            RoleClaimType = RolesClaim,
        };
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
        {
            options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(jwt.SigningKey));
            options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else
        {
            options.Authority = jwt.Authority;
        }

        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity)
                {
                    CopyRoles(identity);
                }

                return Task.CompletedTask;
            },
            OnForbidden = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Forbidden",
                        Detail = string.IsNullOrWhiteSpace(jwt.RequiredRole)
                            ? "The bearer token is valid but not allowed to do this."
                            : $"The bearer token is valid but lacks the role '{jwt.RequiredRole}' the admin API requires.",
                    },
                });
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status401Unauthorized,
                        Title = "Unauthorized",
                        // The reason names the check that failed (expired, wrong audience, bad signature), never the token.
                        Detail = context.AuthenticateFailure is { } failure
                            ? $"The bearer token was refused: {failure.GetType().Name.Replace("SecurityToken", "").Replace("Exception", "")}."
                            : "A valid bearer token or admin API key is required.",
                    },
                });
            },
        };
    }
}
