using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Grains.Batching;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Integrations;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// The CSI pusher's handler (<see cref="CsiPusherGrain"/>): gathers the events that the silo's pushers hand it at about
/// the same time into one batch, reads the CSI settings once for the batch (from the silo's <see cref="IntegrationSettingsCache"/>) and, when the integration is enabled, gives
/// the batch to each kind of CSI work (<see cref="ICsiPushWork"/>). An event's task completes once every work stored
/// what it does with the batch, so the pusher acknowledges it only then; a failed batch is redelivered event by event.
/// </summary>
/// <remarks>
/// A pusher hands over its next event only after the last one's batch completed, so a batch holds at most one event per
/// session or agent and each entity's order holds across batches.
/// </remarks>
public sealed class CsiPushHandler : IChangeEventHandler
{
    /// <summary>The configuration section (and options name) of the push batches.</summary>
    public const string Section = "ClarityConnect:Csi:Push";

    private readonly IntegrationSettingsCache _settings;
    private readonly ICsiPushWork[] _work;
    private readonly GroupCommit<ChangeEvent> _batch;

    /// <summary>Batches as the named <see cref="GroupCommitOptions"/> <see cref="Section"/> say.</summary>
    public CsiPushHandler(IntegrationSettingsCache settings, IEnumerable<ICsiPushWork> work, IOptionsMonitor<GroupCommitOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = settings;
        _work = [.. work];
        _batch = new GroupCommit<ChangeEvent>(PushAsync, options.Get(Section), time);
    }

    /// <summary>How many events wait for a batch to start.</summary>
    public int Waiting => _batch.Waiting;

    /// <inheritdoc />
    public Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken) => _batch.AddAsync(change);

    private async Task PushAsync(IReadOnlyList<ChangeEvent> changes)
    {
        if (await _settings.GetAsync<CsiSettings>(IntegrationNames.Csi) is not { Enabled: true } settings)
        {
            return;
        }

        await Task.WhenAll(_work.Select(part => part.HandleAsync(changes, settings)));
    }
}
