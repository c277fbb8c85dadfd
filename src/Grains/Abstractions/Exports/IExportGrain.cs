namespace ClarityConnect.Abstractions.Exports;

/// <summary>The post-call export of one session to one target (key = <c>{target}/{sessionId}</c>).</summary>
public interface IExportGrain : IGrainWithStringKey
{
    /// <summary>Starts the export if it was never started; starting again changes nothing.</summary>
    Task StartAsync();

    /// <summary>The export's state.</summary>
    Task<ExportStatus> GetStatusAsync();

    /// <summary>Retries a failed export now; items already delivered are not sent again.</summary>
    Task RetryAsync();
}
