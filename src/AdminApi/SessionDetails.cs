using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.AdminApi;

/// <summary>The Session Details page: the session and its exports.</summary>
public sealed record SessionDetails(SessionSnapshot Session, IReadOnlyList<ExportStatus> Exports);
