namespace ClarityConnect.Grains.Crm;

/// <summary>A file to attach to a CRM record. <see cref="Title"/> is unique per session and piece: it is how a retried export finds what it already attached.</summary>
/// <param name="Title">The attachment's title.</param>
/// <param name="FileName">The file name with extension.</param>
/// <param name="ContentType">The MIME type.</param>
/// <param name="Open">Opens the content; called once per upload attempt.</param>
public sealed record CrmFile(string Title, string FileName, string ContentType, Func<CancellationToken, Task<Stream>> Open);
