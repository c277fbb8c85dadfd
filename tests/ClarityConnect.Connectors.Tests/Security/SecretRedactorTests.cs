using System.Net;
using System.Text;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Connectors.Tests.Security;

public sealed class SecretRedactorTests
{
    private const string Secret = "s3cr3t/+= &ü\"x";

    // Several encodings coincide for some secrets; a theory needs each case once.
    public static TheoryData<string> EchoedForms => new(new[]
    {
        Secret,
        Uri.EscapeDataString(Secret),
        Uri.EscapeDataString(Secret).ToLowerInvariant(),
        Uri.EscapeDataString(Secret).Replace("%20", "+"),
        WebUtility.UrlEncode(Secret),
        System.Text.Json.JsonEncodedText.Encode(Secret).ToString(),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        Secret.ToUpperInvariant(),
    }.Distinct());

    [Theory]
    [MemberData(nameof(EchoedForms))]
    public void Every_form_a_server_may_echo_is_masked(string echoed)
    {
        var redactor = SecretRedactor.For(Secret);

        var text = redactor.Redact($"530 Login incorrect: PASS {echoed} (try again)");

        Assert.Equal("530 Login incorrect: PASS *** (try again)", text);
    }

    [Fact]
    public void Basic_credentials_are_masked_and_other_text_is_kept()
    {
        var redactor = SecretRedactor.None.WithBasic("client-id", Secret);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("client-id:" + Secret));

        Assert.Equal("invalid_client: Authorization: Basic *** for client-id", redactor.Redact($"invalid_client: Authorization: Basic {basic} for client-id"));
    }

    [Fact]
    public void Several_secrets_are_masked_and_unknown_null_or_empty_ones_change_nothing()
    {
        var redactor = SecretRedactor.For("refresh-token-1", null, "", "client-secret-2");

        Assert.Equal(
            "invalid_grant: client_secret=***&refresh_token=***&grant_type=refresh_token",
            redactor.Redact("invalid_grant: client_secret=client-secret-2&refresh_token=refresh-token-1&grant_type=refresh_token"));
        Assert.Equal("nothing secret here", SecretRedactor.None.Redact("nothing secret here"));
        Assert.Null(redactor.Redact(null));
        Assert.True(SecretRedactor.For(null, "").IsEmpty);
    }

    [Fact]
    public void A_secret_inside_a_longer_one_does_not_leave_a_tail()
    {
        var redactor = SecretRedactor.For("abc", "abcdef-long");

        Assert.Equal("x *** y ***", redactor.Redact("x abcdef-long y abc"));
    }
}
