namespace ClarityConnect.Abstractions.Exports;

/// <summary>The post-call export of one session to one target (key = <c>{target}/{sessionId}</c>).</summary>
public interface IExportGrain : IGrainWithStringKey
{
    /// <summary>Starts the export if it was never started; starting again changes nothing.</summary>
    /// <param name="session">The finished session as the caller just read it, so the first attempt does not read it
    /// again (one grain call fewer per export); null when the caller has not read it. Later attempts read it afresh.</param>
    Task StartAsync(Sessions.SessionSnapshot? session = null);

    /// <summary>The export's state.</summary>
    Task<ExportStatus> GetStatusAsync();

    /// <summary>Retries a failed export now; items already delivered are not sent again.</summary>
    Task RetryAsync();
}
