using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Connectors.Tests.Salesforce;

public sealed class SalesforceRecordUrlTests
{
    [Theory]
    [InlineData("https://acme.my.salesforce.com", "https://acme.lightning.force.com/lightning/r/Contact/003D00000000001AAA/view")]
    [InlineData("https://acme--uat.sandbox.my.salesforce.com", "https://acme--uat.sandbox.lightning.force.com/lightning/r/Contact/003D00000000001AAA/view")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/lightning/r/Contact/003D00000000001AAA/view")]
    public void Lightning_url_follows_the_instance(string instance, string expected) =>
        Assert.Equal(expected, SalesforceRecordUrl.Lightning(new Uri(instance), "Contact", "003D00000000001AAA").AbsoluteUri);

    [Theory]
    [InlineData("Contact/../x", "003D00000000001AAA")]
    [InlineData("Contact", "003D00000000/../1")]
    [InlineData("Contact", "short")]
    public void Lightning_url_refuses_malformed_names(string objectType, string id) =>
        Assert.Throws<ArgumentException>(() => SalesforceRecordUrl.Lightning(new Uri("https://acme.my.salesforce.com"), objectType, id));
}
