namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Builds the Lightning Experience record URL an agent opens for a screen pop.</summary>
public static class SalesforceRecordUrl
{
    private const string MyDomainSuffix = ".my.salesforce.com";

    /// <summary><c>https://{MyDomain}.lightning.force.com/lightning/r/{Object}/{Id}/view</c> for a <c>{MyDomain}.my.salesforce.com</c>
    /// instance (sandboxes included: <c>acme--uat.sandbox.my.salesforce.com</c> → <c>acme--uat.sandbox.lightning.force.com</c>);
    /// <c>{instance}/lightning/r/{Object}/{Id}/view</c> for any other host.</summary>
    /// <exception cref="ArgumentException">The object name or the id is not well-formed.</exception>
    public static Uri Lightning(Uri instanceUrl, string objectType, string id)
    {
        ArgumentNullException.ThrowIfNull(instanceUrl);
        if (!Soql.IsValidObjectName(objectType))
        {
            throw new ArgumentException("Not a Salesforce object API name.", nameof(objectType));
        }

        if (id is null || id.Length is not (15 or 18) || !id.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("A Salesforce record id is 15 or 18 letters and digits.", nameof(id));
        }

        var host = instanceUrl.Host;
        var path = $"/lightning/r/{objectType}/{id}/view";
        if (host.EndsWith(MyDomainSuffix, StringComparison.OrdinalIgnoreCase) && host.Length > MyDomainSuffix.Length)
        {
            var domain = host[..^MyDomainSuffix.Length];
            return new Uri($"https://{domain}.lightning.force.com{path}");
        }

        return new Uri(instanceUrl.GetLeftPart(UriPartial.Authority) + path);
    }
}
