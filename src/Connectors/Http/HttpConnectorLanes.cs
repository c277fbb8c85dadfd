using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Http;

/// <summary>Registers a connector's REST API as two lanes (<see cref="HttpLane"/>): per lane a named <see cref="HttpClient"/>
/// behind its own resilience pipeline, the lane's <see cref="HttpConnectorLane"/>, and the connector's client keyed by the lane.</summary>
internal static class HttpConnectorLanes
{
    /// <summary>Adds both lanes of <typeparamref name="TClient"/>. Resolve a lane's client with
    /// <c>GetRequiredKeyedService&lt;TClient&gt;(HttpLane.Live)</c> or <c>[FromKeyedServices(HttpLane.Background)]</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="connector">The remote system as administrators name it, e.g. <c>Salesforce</c>.</param>
    /// <param name="target">The API, e.g. <c>salesforce-rest</c>: lanes are named <c>{target}-live</c> and <c>{target}-background</c>.</param>
    /// <param name="isTransient">What the connector retries and counts as a failure.</param>
    /// <param name="describe">How the connector reads a failed answer (for the breaker's cause).</param>
    /// <param name="authenticate">Adds the handlers that run outside the pipeline (the CRMs' <c>CrmAccessTokenHandler</c>), so that a
    /// request they send again passes the lane's limiter and breaker again.</param>
    public static void Add<TClient, TOptions>(
        IServiceCollection services,
        string connector,
        string target,
        HttpConnectorResilience.TransientPredicate isTransient,
        HttpConnectorResilience.FailureDescriber describe,
        Action<IHttpClientBuilder>? authenticate = null)
        where TClient : class
        where TOptions : HttpConnectorOptions
    {
        var create = ActivatorUtilities.CreateFactory<TClient>([typeof(HttpClient), typeof(HttpConnectorLane)]);
        foreach (var kind in Enum.GetValues<HttpLane>())
        {
            var name = HttpConnectorLane.NameOf(target, kind);
            services.AddKeyedSingleton(name, (_, _) => new HttpConnectorLane(connector, target, kind));

            // The pipelines own the timeouts (per attempt); HttpClient's own 100 s cap would cut long uploads short.
            var client = services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan);
            authenticate?.Invoke(client);
            client.AddResilienceHandler(name, (builder, context) => HttpConnectorResilience.ConfigureRest(
                    builder,
                    context.ServiceProvider.GetRequiredKeyedService<HttpConnectorLane>(name),
                    context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value,
                    isTransient,
                    describe));
            services.AddKeyedTransient(kind, (provider, _) => create(provider, [
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(name),
                provider.GetRequiredKeyedService<HttpConnectorLane>(name),
            ]));
        }
    }
}
