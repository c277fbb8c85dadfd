namespace ClarityConnect.Grains.Crm;

/// <summary>How every CRM adapter reads a query that comes back in pages.</summary>
public static class CrmPages
{
    /// <summary>The records of <paramref name="first"/>, then those of the pages after it (<paramref name="nextPage"/> of the
    /// link <paramref name="nextLink"/> gives) while fewer than <paramref name="maxRecords"/> are read. The last page read may
    /// go past <paramref name="maxRecords"/>: callers take as many as they return.</summary>
    /// <typeparam name="TPage">The connector's page of results.</typeparam>
    public static async Task<List<CrmRecord>> ReadAsync<TPage>(
        TPage first, int maxRecords, Func<TPage, IEnumerable<CrmRecord>> records, Func<TPage, string?> nextLink, Func<string, Task<TPage>> nextPage)
    {
        var read = records(first).ToList();
        var next = nextLink(first);
        while (next is not null && read.Count < maxRecords)
        {
            var page = await nextPage(next);
            read.AddRange(records(page));
            next = nextLink(page);
        }

        return read;
    }
}
