using System.Globalization;

namespace ClarityConnect.Grains.Crm;

/// <summary>Which of a CRM's columns, by the name a record's flattened fields give them, fill a <see cref="CrmRecord"/>'s
/// account name, phone (the main one, else the mobile one), e-mail and modification time: the reduction is the same for
/// both CRMs, only the column names differ.</summary>
public sealed record CrmRecordColumns(string AccountName, string Phone, string MobilePhone, string Email, string ModifiedAt)
{
    /// <summary>The record of <paramref name="fields"/>, named by <paramref name="nameColumn"/> (none when null).</summary>
    public CrmRecord ToRecord(string objectType, string id, string? nameColumn, Uri url, IReadOnlyDictionary<string, string?> fields) => new()
    {
        ObjectType = objectType,
        Id = id,
        Name = nameColumn is null ? null : fields.GetValueOrDefault(nameColumn),
        AccountName = fields.GetValueOrDefault(AccountName),
        Phone = fields.GetValueOrDefault(Phone) ?? fields.GetValueOrDefault(MobilePhone),
        Email = fields.GetValueOrDefault(Email),
        ModifiedAt = DateTimeOffset.TryParse(fields.GetValueOrDefault(ModifiedAt), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified)
            ? modified : null,
        Url = url,
        Fields = fields,
    };
}
