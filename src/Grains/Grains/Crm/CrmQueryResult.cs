namespace ClarityConnect.Grains.Crm;

/// <summary>What an Advanced Lookup query returned.</summary>
/// <param name="QueryText">The query sent, as the CRM received it (before URL encoding).</param>
/// <param name="TotalCount">How many records matched, as the CRM reported it.</param>
/// <param name="Records">The records read (at most the requested maximum).</param>
public sealed record CrmQueryResult(string QueryText, long TotalCount, IReadOnlyList<CrmRecord> Records);
