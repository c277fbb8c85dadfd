using ClarityConnect.Grains.Agents;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Grains.Sessions;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Grains.Telemetry;

/// <summary>
/// Opens the <see cref="LogScopes"/> scope of the grain a call is for, so whatever the call logs — the grain, the node
/// runner, a connector — names the session or agent it was working on: sessions and their change consumers
/// (<c>{SessionId}</c>), agents and theirs (<c>{AgentId}</c>), exports (<c>{SessionId}</c>, <c>{ExportTarget}</c>).
/// </summary>
public sealed class LogScopeGrainCallFilter(ILoggerFactory loggers) : IIncomingGrainCallFilter
{
    private readonly ILogger _logger = loggers.CreateLogger("ClarityConnect.Grains");

    /// <inheritdoc />
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        using var scope = Open(context.TargetContext?.GrainInstance, context.TargetId);
        await context.Invoke();
    }

    private IDisposable? Open(object? grain, GrainId id) => grain switch
    {
        SessionGrain => LogScopes.Session(_logger, id.Key.ToString()!),
        AgentGrain => LogScopes.Agent(_logger, id.Key.ToString()!),
        ExportGrain => ExportGrain.KeyParts(id.Key.ToString()!) is var (target, session) ? LogScopes.Export(_logger, target, session) : null,
        ChangeConsumerGrain => id.Key.ToString()!.Split('/', 2) switch
        {
            ["session", var session] => LogScopes.Session(_logger, session),
            ["agent", var agent] => LogScopes.Agent(_logger, agent),
            _ => null,
        },
        _ => null,
    };
}
