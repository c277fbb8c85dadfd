using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Search;

namespace ClarityConnect.Grains.Crm;

/// <summary>
/// What a Customer Lookup searches by, in order, for one session: the node's extra item (Extra Item Key), or the
/// caller's phone number, SIP address and caller ID name (Automatic Detection); and what was left out and why.
/// </summary>
/// <param name="Searches">The searches to run, in order, until one finds a record.</param>
/// <param name="Phone">The caller's parsed number, or null (no number, or Extra Item Key).</param>
/// <param name="Skipped">Why caller data that is present was not searched, for the no-match reason.</param>
/// <param name="Missing">Why there is nothing to search by, when <paramref name="Searches"/> is empty.</param>
public sealed record CustomerCriteria(IReadOnlyList<CustomerCriterion> Searches, PhoneNumber? Phone, IReadOnlyList<string> Skipped, string Missing)
{
    /// <summary>The searches of <paramref name="node"/> for <paramref name="session"/>; caller numbers without a country code are read in <paramref name="defaultPhoneRegion"/>.</summary>
    public static CustomerCriteria For(CustomerLookupNode node, SessionSnapshot session, string defaultPhoneRegion)
    {
        if (node.LookupType == LookupType.ExtraItemKey)
        {
            return session.ExtraItems.TryGetValue(node.ExtraItemName!, out var value) && !string.IsNullOrWhiteSpace(value)
                ? new([new CustomerCriterion(CustomerCriterionKind.Field, value.Trim(), node.SearchParameter)], null, [], "")
                : new([], null, [], $"The extra item '{node.ExtraItemName}' is not set.");
        }

        var searches = new List<CustomerCriterion>();
        var skipped = new List<string>();
        var phone = PhoneNumber.Parse(session.CallerPhoneNumber, defaultPhoneRegion);
        if (phone is not null)
        {
            searches.Add(new CustomerCriterion(CustomerCriterionKind.Phone, phone.Key, Phone: phone));
        }

        if (EmailOf(session.SipAddress) is { } email)
        {
            searches.Add(new CustomerCriterion(CustomerCriterionKind.Email, email));
        }

        if (!string.IsNullOrWhiteSpace(session.CallerIdName) && !IsAnonymous(session.CallerIdName))
        {
            var name = SearchText.Clean(session.CallerIdName);
            if (SearchText.SearchableLength(name) >= SearchText.MinimumLength)
            {
                searches.Add(new CustomerCriterion(CustomerCriterionKind.Name, name));
            }
            else
            {
                // Salesforce refuses such a search (INVALID_SEARCH), and in any CRM it would match no one in particular.
                skipped.Add($"The caller ID name was not searched: it has fewer than {SearchText.MinimumLength} letters or digits.");
            }
        }

        return new(searches, phone, skipped, skipped.Count > 0
            ? string.Join(" ", skipped.Prepend("The caller has no phone number or SIP address to search by."))
            : "The caller has no phone number, SIP address or caller ID name to search by.");
    }

    // sip:alice@example.com;transport=tls → alice@example.com
    private static string? EmailOf(string? sipAddress)
    {
        if (string.IsNullOrWhiteSpace(sipAddress))
        {
            return null;
        }

        var address = sipAddress.Trim();
        foreach (var scheme in new[] { "sips:", "sip:", "mailto:" })
        {
            if (address.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                address = address[scheme.Length..];
            }
        }

        address = address.Split(';', '?', '>')[0];
        return address.Contains('@') ? address : null;
    }

    private static bool IsAnonymous(string name) =>
        name.Trim().ToLowerInvariant() is "anonymous" or "unknown" or "unavailable" or "private" or "restricted";
}
