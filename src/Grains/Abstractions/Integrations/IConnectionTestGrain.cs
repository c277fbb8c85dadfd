namespace ClarityConnect.Abstractions.Integrations;

/// <summary>
/// Checks that an integration's settings reach the remote system ("Test connection"): for Salesforce and Dynamics the
/// authorization and an authenticated API call, for CSI the HTTP event endpoint and the FTP server. A stateless worker
/// (key 0); each call runs the checks afresh and changes nothing.
/// </summary>
public interface IConnectionTestGrain : IGrainWithIntegerKey
{
    /// <summary>Runs the checks of <paramref name="integration"/> (<see cref="IntegrationNames"/>) and reports each step.</summary>
    Task<ConnectionTestReport> TestAsync(string integration);
}
