using ClarityConnect.Grains.Crm;

namespace ClarityConnect.Grains.Exports;

/// <summary>One thing an export delivers: a file or a note. <see cref="Key"/> names it in the export's progress.</summary>
/// <param name="Key">A stable name, e.g. <c>recording-1</c>, <c>transcript</c>, <c>note</c>.</param>
/// <param name="File">The file to attach, for recordings and transcripts.</param>
/// <param name="NoteTitle">The note's title, for the call-details note.</param>
/// <param name="NoteText">The note's text.</param>
public sealed record ExportItem(string Key, CrmFile? File = null, string? NoteTitle = null, string? NoteText = null);
