using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClarityConnect.AdminApi.Website;

/// <summary>
/// Signing in to the site with OpenID Connect (issue 14), offered beside the admin API key when
/// <see cref="OidcSignInSettings.Enabled"/>: the authorization code flow with PKCE against the issuer the API trusts for
/// bearer tokens (<see cref="JwtSettings.Authority"/>), the API's required role, and the site's own cookie session as the
/// result (no token is kept).
/// </summary>
public static class OidcSignIn
{
    /// <summary>The OpenID Connect authentication scheme.</summary>
    public const string Scheme = "AdminSiteOidc";

    /// <summary>Where the sign-in page's "Sign in with OpenID Connect" starts the flow (GET, with <c>returnUrl</c>).</summary>
    public const string StartPath = "/signin/oidc";

    /// <summary>The redirect URI to register with the issuer: <c>{site}/signin-oidc</c>.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The page the flow lands on, which continues to the page asked for (see <see cref="Landing"/>).</summary>
    public const string CompletePath = "/signin/complete";

    /// <summary>The page a signed-in user without the required role sees.</summary>
    public const string NotAuthorizedPath = "/signin/not-authorized";

    /// <summary>The sign-in page's query value that says the OpenID Connect sign-in failed.</summary>
    public const string FailedQuery = "oidc=failed";

    /// <summary>The name and the authentication type of an identity signed in through OpenID Connect.</summary>
    public const string NameClaim = "name";

    /// <summary>Adds the OpenID Connect scheme, signing in to the site's cookie.</summary>
    internal static void Add(AuthenticationBuilder authentication, JwtSettings jwt, OidcSignInSettings oidc) =>
        authentication.AddOpenIdConnect(Scheme, "OpenID Connect", o =>
        {
            o.Authority = jwt.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be SameSite=Lax
            // (form_post would need SameSite=None, which browsers accept only over HTTPS).
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = AdminWebsite.CookieScheme;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.DisableTelemetry = true;
            o.TokenValidationParameters.NameClaimType = NameClaim;
            o.TokenValidationParameters.RoleClaimType = AdminSchemes.RolesClaim;
            if (!string.IsNullOrWhiteSpace(jwt.Issuer))
            {
                o.TokenValidationParameters.ValidIssuer = jwt.Issuer;
            }

            o.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = context => AdmitAsync(context, jwt.RequiredRole),
                OnTicketReceived = context =>
                {
                    context.ReturnUri = Landing(context.ReturnUri);
                    return Task.CompletedTask;
                },
                OnRemoteFailure = context =>
                {
                    // The reason goes to the log (never a token or the client secret: the handler's messages carry neither);
                    // the browser goes back to the sign-in page, which says it failed.
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn).FullName!)
                        .LogWarning("OpenID Connect sign-in failed: {Reason}", context.Failure?.Message);
                    context.HandleResponse();
                    context.Response.Redirect(AdminWebsite.SignInPath + "?" + FailedQuery);
                    return Task.CompletedTask;
                },
            };
        });

    /// <summary>Maps <see cref="StartPath"/> when the sign-in is on: it challenges the OpenID Connect scheme, returning to a local page only.</summary>
    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        if (IsOffered(endpoints.ServiceProvider.GetRequiredService<IOptions<AdminApiOptions>>().Value))
        {
            endpoints.MapGet(StartPath, (string? returnUrl) =>
                    Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrls.LocalOrHome(returnUrl) }, [Scheme]))
                .AllowAnonymous().ExcludeFromDescription();
        }
    }

    /// <summary>Whether the site offers OpenID Connect sign-in under <paramref name="options"/>.</summary>
    internal static bool IsOffered(AdminApiOptions options) => options.Oidc.Enabled(options.Jwt);

    /// <summary>
    /// The page the flow returns to: <see cref="CompletePath"/>, which goes on to <paramref name="returnUrl"/> by a
    /// navigation of its own. The site's cookie is SameSite=Strict, and browsers withhold it on a redirect chain that
    /// passed through the issuer (another site); a navigation started by a page of this site carries it.
    /// </summary>
    internal static string Landing(string? returnUrl) =>
        $"{CompletePath}?{AdminWebsite.ReturnUrlParameter}={Uri.EscapeDataString(ReturnUrls.LocalOrHome(returnUrl))}";

    /// <summary>
    /// Admits the validated user when they hold <paramref name="requiredRole"/> (any user when none is required, as for
    /// bearer tokens): the site's cookie then carries only their name and roles. Otherwise nothing is signed in and the
    /// browser is shown <see cref="NotAuthorizedPath"/>.
    /// </summary>
    private static Task AdmitAsync(TokenValidatedContext context, string? requiredRole)
    {
        var validated = context.Principal?.Identity as ClaimsIdentity ?? new ClaimsIdentity();
        AdminSchemes.CopyRoles(validated);
        var roles = validated.FindAll(AdminSchemes.RolesClaim).Select(c => c.Value).Distinct().ToList();
        if (!string.IsNullOrWhiteSpace(requiredRole) && !roles.Contains(requiredRole, StringComparer.Ordinal))
        {
            context.HandleResponse();
            context.Response.Redirect(NotAuthorizedPath);
            return Task.CompletedTask;
        }

        var name = validated.FindFirst(NameClaim)?.Value ?? validated.FindFirst("preferred_username")?.Value ?? validated.FindFirst("sub")?.Value ?? "unknown";
        var identity = new ClaimsIdentity(Scheme, NameClaim, AdminSchemes.RolesClaim);
        identity.AddClaim(new Claim(NameClaim, name));
        identity.AddClaims(roles.Select(r => new Claim(AdminSchemes.RolesClaim, r)));
        context.Principal = new ClaimsPrincipal(identity);
        return Task.CompletedTask;
    }
}
