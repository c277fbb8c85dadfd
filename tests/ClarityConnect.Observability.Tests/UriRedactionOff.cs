using System.Runtime.CompilerServices;

namespace ClarityConnect.Observability.Tests;

/// <summary>
/// Turns off .NET's own redaction of query strings in HttpClient spans (which an operator may do to debug), before any
/// HttpClient of this test process exists: the tests then show that ClarityConnect's redaction alone keeps SOQL, SOSL
/// and OData queries — and with them the caller's data — out of the spans.
/// </summary>
public static class UriRedactionOff
{
    [ModuleInitializer]
    public static void Initialize() => AppContext.SetSwitch("System.Net.Http.DisableUriRedaction", true);
}
