using Orleans.Runtime.Placement;
using Xunit;

namespace ClarityConnect.Testing;

/// <summary>
/// Puts activations on a chosen silo and checks where they live, so a silo-kill test proves the silo it kills held the
/// work before it counts what survived (a kill that hit an idle silo proves nothing).
/// </summary>
public static class SiloPlacement
{
    /// <summary>
    /// Until disposed, grains this async flow activates (and those its calls activate in turn) go to
    /// <paramref name="silo"/>: Orleans' placement directors all honour the request context's placement hint while the
    /// hinted silo is alive, and ignore it once it is dead.
    /// </summary>
    public static IDisposable On(SiloAddress silo)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        return new Hint();
    }

    /// <summary>Fails unless every grain of <paramref name="grains"/> has an activation on <paramref name="silo"/>, naming those that do not.</summary>
    public static async Task AssertHoldsAsync(IGrainFactory factory, SiloAddress silo, IEnumerable<IAddressable> grains)
    {
        var management = factory.GetGrain<IManagementGrain>(0);
        var held = (await management.GetDetailedGrainStatistics(hostsIds: [silo])).Select(s => s.GrainId).ToHashSet();
        var expected = grains.Select(g => g.GetGrainId()).ToList();
        var elsewhere = expected.Where(id => !held.Contains(id)).ToList();
        Assert.True(expected.Count > 0 && elsewhere.Count == 0,
            $"Silo {silo} does not hold the work the test kills it for: {elsewhere.Count} of {expected.Count} activations are elsewhere ({string.Join(", ", elsewhere.Take(5))}).");
    }

    private sealed class Hint : IDisposable
    {
        public void Dispose() => RequestContext.Remove(IPlacementDirector.PlacementHintKey);
    }
}
