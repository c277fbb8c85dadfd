namespace ClarityConnect.Grains.Csi;

/// <summary>The ACD statistics of one interval for every queue (key = the interval's start, <c>yyyyMMddTHHmmssZ</c>).</summary>
public interface IAcdIntervalGrain : IGrainWithStringKey
{
    /// <summary>Counts each observation once, all in one state write.</summary>
    Task RecordAsync(IReadOnlyList<AcdObservation> observations);

    /// <summary>Whether the interval's file reached CSI.</summary>
    Task<bool> IsUploadedAsync();
}
