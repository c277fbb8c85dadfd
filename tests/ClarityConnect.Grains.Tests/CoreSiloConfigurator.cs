using ClarityConnect.Connectors.Http;
using ClarityConnect.Grains.Crm;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>Adds what the core tests observe: recording change handlers, the in-memory CRM in place of Salesforce, and
/// how many node runners were built.</summary>
public sealed class CoreSiloConfigurator : ISiloConfigurator
{
    private static int _nodeRunnersBuilt;

    /// <summary>Node runners the silo has built (each holds a client per CRM; issue 16: bytes per session).</summary>
    public static int NodeRunnersBuilt => Volatile.Read(ref _nodeRunnersBuilt);

    public void Configure(ISiloBuilder silo)
    {
        silo.Services.AddTransient<INodeRunner>(sp =>
        {
            Interlocked.Increment(ref _nodeRunnersBuilt);
            return ActivatorUtilities.CreateInstance<IntegrationNodeRunner>(sp);
        });
        foreach (var consumer in ChangeConsumers.All)
        {
            silo.Services.AddChangeEventHandler(consumer, new RecordingChangeHandler(consumer));
        }

        silo.Services.AddSingleton<InMemoryCrmAdapter>();
        foreach (var lane in Enum.GetValues<HttpLane>())
        {
            silo.Services.RemoveAllKeyed<ICrmAdapter>(lane);
            silo.Services.AddKeyedSingleton<ICrmAdapter>(lane, (sp, _) => sp.GetRequiredService<InMemoryCrmAdapter>());
        }

        silo.Services.Configure<Exports.ExportOptions>(o => o.MaxAttempts = 3);
        silo.AddIncomingGrainCallFilter<HeldCallerRecordWrites>();
        silo.AddIncomingGrainCallFilter<SessionReads>();
    }
}

/// <summary>Lets the test client publish on the change stream (to inject duplicates and gaps).</summary>
public sealed class CoreClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) =>
        client.AddMemoryStreams(Abstractions.Events.ChangeStreams.ProviderName);
}
