using System.Text.Json.Nodes;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>One page of a Web API query.</summary>
public sealed record DataversePage
{
    /// <summary>The records (<c>value</c>), with their annotations (<c>…@OData.Community.Display.V1.FormattedValue</c>, …) as sent.</summary>
    public required IReadOnlyList<JsonObject> Records { get; init; }

    /// <summary><c>@odata.nextLink</c>: pass it unchanged to <see cref="DataverseClient.NextPageAsync"/>; null on the last page.</summary>
    public string? NextLink { get; init; }

    /// <summary><c>@odata.count</c> when <c>$count=true</c> was asked (Dataverse caps it at 5,000); otherwise null.</summary>
    public long? Count { get; init; }

    /// <summary>The exact URL requested (the URL-encoded <c>$filter</c> included), for diagnostics. Holds no token.</summary>
    public required Uri RequestUri { get; init; }

    /// <summary>True when there is no further page.</summary>
    public bool IsLastPage => NextLink is null;
}
