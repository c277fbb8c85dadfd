namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>A note or a file the connector attached to a CRM record.</summary>
/// <param name="RecordId">The record it is attached to.</param>
/// <param name="Title">Its title (subject).</param>
/// <param name="Text">A note's text, or a file's content read as UTF-8.</param>
/// <param name="IsFile">Whether it is a file rather than a note.</param>
public sealed record CrmWrite(string RecordId, string Title, string Text, bool IsFile);
