using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>What registering a CRM connector names: the CRM, its REST target and how its answers are judged.</summary>
/// <param name="Crm">The CRM as administrators name it, e.g. <c>Salesforce</c>; its token pipeline is <c>{crm}-oauth</c> in lower case.</param>
/// <param name="RestTarget">The REST API's target, e.g. <c>salesforce-rest</c> (see <see cref="HttpConnectorLanes"/>).</param>
/// <param name="IsTransient">What the connector retries and counts as a failure (REST and token calls).</param>
/// <param name="Describe">How the connector reads a failed answer (for the breaker's cause).</param>
internal sealed record CrmConnectorDescription(
    string Crm, string RestTarget, HttpConnectorResilience.TransientPredicate IsTransient, HttpConnectorResilience.FailureDescriber Describe)
{
    /// <summary>The token pipeline's name, which tags its retries: <c>salesforce-oauth</c>, <c>dataverse-oauth</c>.</summary>
    public string OAuthPipelineName => Crm.ToLowerInvariant() + "-oauth";
}

/// <summary>Registers a CRM connector the same way for both CRMs: validated options, the OAuth client as a typed HTTP client
/// behind the token pipeline (also as the <see cref="ICrmAuthorizationCodeGrant{TCredentials}"/> of the Key icon), the singleton <see cref="CrmAccessTokenStore{TCredentials}"/> and
/// <see cref="MetadataCache{TConnector}"/> both lanes share, and the REST client per lane with
/// <see cref="CrmAccessTokenHandler{TCredentials}"/> in front of the lane's pipeline.</summary>
internal static class CrmConnectorServices
{
    /// <summary>Adds the connector; calling it again only applies <paramref name="configure"/>.</summary>
    /// <typeparam name="TClient">The REST client.</typeparam>
    /// <typeparam name="TOptions">The connector's options.</typeparam>
    /// <typeparam name="TValidator">Their validator.</typeparam>
    /// <typeparam name="TCredentials">The CRM's credentials.</typeparam>
    /// <typeparam name="TOAuthClient">The CRM's OAuth client.</typeparam>
    public static IServiceCollection Add<TClient, TOptions, TValidator, TCredentials, TOAuthClient>(
        IServiceCollection services, Action<TOptions>? configure, CrmConnectorDescription crm, Func<TOptions, TimeSpan> refreshMargin)
        where TClient : class
        where TOptions : HttpConnectorOptions
        where TValidator : class, IValidateOptions<TOptions>
        where TCredentials : class, ICrmCredentials<TCredentials>
        where TOAuthClient : class, ICrmTokenGrant<TCredentials>, ICrmAuthorizationCodeGrant<TCredentials>
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(CrmAccessTokenStore<TCredentials>)))
        {
            return services;
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new CrmAccessTokenStore<TCredentials>(
            crm.Crm,
            provider.GetRequiredService<ICrmCredentialsSource<TCredentials>>(),
            () => provider.GetRequiredService<TOAuthClient>(),
            refreshMargin(provider.GetRequiredService<IOptions<TOptions>>().Value),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<CrmAccessTokenStore<TCredentials>>>()));
        services.AddSingleton<MetadataCache<TClient>>();
        services.AddTransient<CrmAccessTokenHandler<TCredentials>>();

        // The pipelines own the timeouts (per attempt); HttpClient's own 100 s cap would cut long uploads short.
        services.AddHttpClient<TOAuthClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(crm.OAuthPipelineName, (builder, context) => HttpConnectorResilience.ConfigureOAuth(
                builder, crm.OAuthPipelineName, context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value, crm.IsTransient));
        services.AddTransient<ICrmAuthorizationCodeGrant<TCredentials>>(provider => provider.GetRequiredService<TOAuthClient>());
        HttpConnectorLanes.Add<TClient, TOptions>(
            services, crm.Crm, crm.RestTarget, crm.IsTransient, crm.Describe, lane => lane.AddHttpMessageHandler<CrmAccessTokenHandler<TCredentials>>());
        return services;
    }
}
