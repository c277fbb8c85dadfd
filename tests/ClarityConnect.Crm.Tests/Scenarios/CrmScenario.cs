using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>
/// The base of the scenarios written once and run against every CRM double (as Storage.Tests' conformance suites run
/// against every storage profile): a concern's scenarios derive from it, and one sealed class per CRM joins them to that
/// CRM's cluster fixture and collection.
/// </summary>
public abstract class CrmScenario<TFixture>(TFixture fixture)
    where TFixture : CrmClusterFixture
{
    /// <summary>The cluster.</summary>
    protected TFixture Fixture => fixture;

    /// <summary>The CRM's double.</summary>
    protected ICrmDouble Crm => fixture.Crm;

    /// <summary>A Customer Lookup that opens the record on accept, searching the CRM on every call.</summary>
    protected CustomerLookupNode Automatic => new() { NodeId = "lookup", Integration = Crm.Integration, AutoOpenOnAccept = true };

    /// <summary>The value of the lookup's extra item <paramref name="name"/> (e.g. "RecordId") in <paramref name="items"/>.</summary>
    protected string Item(IReadOnlyDictionary<string, string> items, string name) => items[Crm.ItemPrefix + name];

    /// <summary>A new session of this CRM's tests.</summary>
    protected ISessionGrain NewSession() => fixture.Grains.GetGrain<ISessionGrain>($"{Crm.Integration}-{Guid.NewGuid():n}");

    /// <summary>Starts a new session with <paramref name="start"/> and runs <paramref name="node"/> in it.</summary>
    protected async Task<(ISessionGrain Session, NodeOutcome Outcome)> RunAsync(SessionStart start, IntegrationNode node)
    {
        var session = NewSession();
        await session.StartAsync(start);
        return (session, await session.RunNodeAsync(node));
    }

    /// <summary>The CRM export of <paramref name="session"/>.</summary>
    protected IExportGrain ExportOf(ISessionGrain session) => fixture.Grains.GetGrain<IExportGrain>($"{Crm.Integration}/{session.GetPrimaryKeyString()}");

    /// <summary>Waits until the CRM export of <paramref name="session"/> is in <paramref name="state"/>.</summary>
    protected Task<ExportStatus> WaitForExportAsync(ISessionGrain session, ExportState state) =>
        new SessionDriver(fixture.Grains).WaitForExportAsync(Crm.Integration, session.GetPrimaryKeyString(), state);

    /// <summary>A North American number nobody else's test uses (almost surely).</summary>
    protected static (string Area, string Exchange, string Line) NewNumber() =>
        (Random.Shared.Next(201, 989).ToString(), Random.Shared.Next(201, 989).ToString(), Random.Shared.Next(1000, 9999).ToString());
}
