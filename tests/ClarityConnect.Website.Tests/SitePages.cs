using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Website.Tests;

/// <summary>
/// One page of the site as the sweeps open it: <paramref name="Path"/> relative to the site (<see cref="SitePages.RealSession"/>
/// stands for the id of a session driven through the cluster), the name of its level-1 heading and the status it answers with.
/// </summary>
public sealed record SitePage(string Name, string Path, string Heading, int Status = 200)
{
    /// <summary>The path with <see cref="SitePages.RealSession"/> replaced by <paramref name="sessionId"/>.</summary>
    public string PathWith(string sessionId) => Path.Replace(SitePages.RealSession, sessionId, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// Every page of the site, in one place: the secrets sweep (<see cref="SecretsInPagesTests"/>), the accessibility sweep
/// (<see cref="AccessibilityTests"/>) and the layout tests open each of them. A new page is added here and every sweep
/// covers it.
/// </summary>
public static class SitePages
{
    /// <summary>Stands for the id of a real session in a page's path.</summary>
    public const string RealSession = "{session}";

    /// <summary>The pages, each opened signed in.</summary>
    public static IReadOnlyList<SitePage> All { get; } =
    [
        new("home", "", "ClarityConnect administration"),
        new("system-configuration", "maintenance/system-configuration", "System Configuration Settings"),
        new("system-configuration-edit", "maintenance/system-configuration?edit=1", "System Configuration Settings"),
        new("sessions", "sessions", "Sessions"),
        new("session-details", "sessions/" + RealSession, "Session Details"),
        new("session-details-unknown", "sessions/no-such-session", "Session Details"),
        new("exports", "exports", "Exports"),
        new("nodes", "nodes", "Call-flow nodes"),
        new("signin", "signin", "Sign in"),
        new("not-found", "no-such-page", "Page not found", 404),
    ];

    /// <summary><see cref="All"/> as theory data, by name.</summary>
    public static TheoryData<string> Names => new(All.Select(p => p.Name));

    /// <summary>The page named <paramref name="name"/>.</summary>
    public static SitePage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>Starts a voice session with caller data through the cluster; returns its id, for <see cref="RealSession"/>.</summary>
    public static async Task<string> StartSessionAsync(IGrainFactory grains)
    {
        var id = "sweep-" + Guid.NewGuid().ToString("n");
        await grains.GetGrain<ISessionGrain>(id).StartAsync(new SessionStart
        {
            Channel = SessionChannel.Voice,
            CallerPhoneNumber = "+1 415 555 0142",
            CallerIdName = "Sweep Caller",
            DialedNumber = "+1 800 555 0142",
        });
        return id;
    }
}
