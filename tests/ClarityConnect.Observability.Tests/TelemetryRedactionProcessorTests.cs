using System.Diagnostics;

namespace ClarityConnect.Observability.Tests;

public sealed class TelemetryRedactionProcessorTests
{
    [Fact]
    public void Query_strings_exception_messages_and_foreign_status_descriptions_are_removed()
    {
        using var span = new Activity("GET");
        span.SetTag("url.full", "https://org.my.salesforce.com/services/data/v62.0/query?q=SELECT+Id+FROM+Contact+WHERE+LastName='O''Brien'");
        span.SetTag("url.query", "?code=secret-code&state=abc");
        span.SetTag("http.url", "https://org.crm.dynamics.com/api/data/v9.2/contacts?$filter=telephone1 eq '4155550100'");
        span.SetTag("exception.type", "System.InvalidOperationException");
        span.SetTag("exception.message", "no record for 4155550100");
        span.SetTag("exception.stacktrace", "System.InvalidOperationException: no record for 4155550100\n   at Somewhere()");
        span.SetTag("http.request.method", "GET");
        span.SetStatus(ActivityStatusCode.Error, "no record for 4155550100");

        new TelemetryRedactionProcessor().OnEnd(span);

        Assert.Equal("https://org.my.salesforce.com/services/data/v62.0/query", span.GetTagItem("url.full"));
        Assert.Equal("https://org.crm.dynamics.com/api/data/v9.2/contacts", span.GetTagItem("http.url"));
        Assert.Null(span.GetTagItem("url.query"));
        Assert.Null(span.GetTagItem("exception.message"));
        Assert.Null(span.GetTagItem("exception.stacktrace"));
        Assert.Equal("System.InvalidOperationException", span.GetTagItem("exception.type"));
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal((ActivityStatusCode.Error, null), (span.Status, span.StatusDescription));
    }

    [Fact]
    public void A_url_without_a_query_stays_as_it_is()
    {
        using var span = new Activity("POST");
        span.SetTag("url.full", "https://org.my.salesforce.com/services/data/v62.0/sobjects/Note/");

        new TelemetryRedactionProcessor().OnEnd(span);

        Assert.Equal("https://org.my.salesforce.com/services/data/v62.0/sobjects/Note/", span.GetTagItem("url.full"));
    }
}
