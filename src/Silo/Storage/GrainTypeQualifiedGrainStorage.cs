using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace ClarityConnect.Silo.Storage;

/// <summary>
/// Wraps a grain storage provider that keys rows by state name and grain <em>key</em> only, and puts the grain type
/// into the state name it hands on (<c>{stateName}/{grainType}</c>).
/// </summary>
/// <remarks>
/// Orleans' ADO.NET grain storage stores the state name and the key of the grain id, but not its type
/// (dotnet/orleans#8746): two grain types with the same key and the same state name (<c>[PersistentState("state")]</c>
/// in a session grain and an agent grain, both keyed <c>"42"</c>) would read and overwrite one row.
/// The grain type goes last because the ADO.NET provider rewrites a name with a generic arity (<c>`1[[...]]</c>)
/// and drops what follows the closing brackets; a grain type never contains <c>/</c>, so the name stays unambiguous.
/// </remarks>
/// <param name="inner">The provider that stores the rows.</param>
public sealed class GrainTypeQualifiedGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IGrainStorage _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>The wrapped provider.</summary>
    public IGrainStorage Inner => _inner;

    /// <summary>The state name handed to the wrapped provider for <paramref name="stateName"/> of <paramref name="grainId"/>.</summary>
    /// <param name="stateName">State name from <c>[PersistentState]</c>.</param>
    /// <param name="grainId">The grain.</param>
    public static string QualifiedStateName(string stateName, GrainId grainId) => $"{stateName}/{grainId.Type}";

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (_inner is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            participant.Participate(lifecycle);
        }
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => _inner.ReadStateAsync(QualifiedStateName(stateName, grainId), grainId, grainState);

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
        => _inner.ReadStateAsync(QualifiedStateName(stateName, grainId), grainId, grainState, cancellationToken);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => _inner.WriteStateAsync(QualifiedStateName(stateName, grainId), grainId, grainState);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
        => _inner.WriteStateAsync(QualifiedStateName(stateName, grainId), grainId, grainState, cancellationToken);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => _inner.ClearStateAsync(QualifiedStateName(stateName, grainId), grainId, grainState);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
        => _inner.ClearStateAsync(QualifiedStateName(stateName, grainId), grainId, grainState, cancellationToken);
}
