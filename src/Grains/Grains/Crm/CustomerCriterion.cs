namespace ClarityConnect.Grains.Crm;

/// <summary>What a Customer Lookup searches by.</summary>
public enum CustomerCriterionKind
{
    /// <summary>The caller's phone number, in every phone field.</summary>
    Phone,
    /// <summary>The caller's SIP address or e-mail, in e-mail fields.</summary>
    Email,
    /// <summary>The caller ID name, in name fields.</summary>
    Name,
    /// <summary>A given field (the node's Search Parameter) equal to a value (an extra item's).</summary>
    Field,
}

/// <summary>One search of a Customer Lookup.</summary>
/// <param name="Kind">What is searched.</param>
/// <param name="Value">The value searched for (for <see cref="CustomerCriterionKind.Phone"/> the number's <see cref="PhoneNumber.Key"/>,
/// E.164 such as <c>+14155550100</c>; for <see cref="CustomerCriterionKind.Name"/> the cleaned caller ID name).</param>
/// <param name="Field">The field, for <see cref="CustomerCriterionKind.Field"/>.</param>
/// <param name="Phone">The parsed number, for <see cref="CustomerCriterionKind.Phone"/>: the spellings each CRM searches.</param>
public sealed record CustomerCriterion(CustomerCriterionKind Kind, string Value, string? Field = null, PhoneNumber? Phone = null);
