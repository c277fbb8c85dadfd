using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Grains.Crm;
using ClarityConnect.Testing.Settings;
using PhoneNumbers;
using PhoneNumber = ClarityConnect.Grains.Crm.PhoneNumber;

namespace ClarityConnect.Grains.Tests;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+1 (415) 555-0100 ext. 204", "US", "+14155550100", "204")]
    [InlineData("tel:+1-415-555-0100;ext=22", "US", "+14155550100", "22")]
    [InlineData("+1 425 555 0165 x 99", "US", "+14255550165", "99")]
    [InlineData("(415) 555-0100", "US", "+14155550100", null)]
    [InlineData("4155550100", "US", "+14155550100", null)]
    [InlineData("14155550100", "US", "+14155550100", null)]
    [InlineData("0044 7700 900123", "US", "+447700900123", null)]
    [InlineData("0044 7700 900123", "GB", "+447700900123", null)]
    [InlineData("011 44 7700 900123", "US", "+447700900123", null)]
    [InlineData("07700 900123", "GB", "+447700900123", null)]
    [InlineData("+44 7700 900123", "US", "+447700900123", null)]
    [InlineData("030 1234567", "DE", "+49301234567", null)]
    public void A_caller_number_parses_to_e164_with_the_extension_split_off(string text, string region, string e164, string? extension)
    {
        var number = PhoneNumber.Parse(text, region)!;

        Assert.Equal((e164, extension), (number.Key, number.Extension));
        Assert.DoesNotContain(number.SearchDigits, d => extension is not null && d.EndsWith(extension, StringComparison.Ordinal));
    }

    [Fact]
    public void Salesforce_searches_the_national_and_the_country_code_digits()
    {
        Assert.Equal(["4155550100", "14155550100"], PhoneNumber.Parse("+1 (415) 555-0100 ext. 204", "US")!.SearchDigits);
        Assert.Equal(["07700900123", "447700900123"], PhoneNumber.Parse("+44 7700 900123", "US")!.SearchDigits);
    }

    [Fact]
    public void Dataverse_searches_every_spelling_of_the_number_in_its_region()
    {
        var uk = PhoneNumber.Parse("07700 900123", "GB")!;
        var us = PhoneNumber.Parse("+1 425 555 0177 x 7", "US")!;

        Assert.Equal(["+447700900123", "+44 7700 900123", "07700 900123", "07700900123", "447700900123"], uk.StoredForms);
        Assert.Equal(
        [
            "+14255550177", "+1 425-555-0177", "(425) 555-0177", "4255550177", "14255550177", "425-555-0177", "425.555.0177", "425 555 0177",
            "+1 425 555 0177", "+1 (425) 555-0177", "1-425-555-0177", "+1-425-555-0177",
        ], us.StoredForms);
    }

    [Theory]
    [InlineData("+1 425 555 0177", "US", new[] { "555-0177", "555 0177", "555.0177", "5550177" })]
    [InlineData("+1 299 555 0177", "US", new[] { "555-0177", "555 0177", "555.0177", "5550177" })]
    [InlineData("020 7946 0958", "GB", new[] { "7946-0958", "7946 0958", "7946.0958", "79460958" })]
    [InlineData("+44 7700 900123", "US", new string[0])]
    public void Local_forms_are_the_subscriber_number_of_a_geographic_number(string text, string region, string[] local) =>
        Assert.Equal(local, PhoneNumber.Parse(text, region)!.LocalForms);

    [Theory]
    [InlineData("555-0177", "5550177")]
    [InlineData("12345", "12345")]
    [InlineData("*67 1234", "671234")]
    [InlineData("+999 1234 5678", "99912345678")]
    public void Text_that_is_no_possible_number_falls_back_to_its_digits(string text, string digits)
    {
        var number = PhoneNumber.Parse(text, "US")!;

        Assert.Equal((digits, null), (number.Key, number.Extension));
        Assert.Equal([digits], number.SearchDigits);
        Assert.Equal([digits], number.StoredForms);
        Assert.Empty(number.LocalForms);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("anonymous")]
    [InlineData("123")]
    [InlineData("\0")]
    public void No_number_is_no_phone_search(string? text) => Assert.Null(PhoneNumber.Parse(text, "US"));

    [Fact]
    public void Hostile_text_never_throws()
    {
        foreach (var value in HostileValues.All.Select(v => v.Value).Append(new string('9', 10_000)).Append("+" + new string('1', 300)))
        {
            foreach (var region in new[] { "US", "GB", "ZZ", "" })
            {
                var number = PhoneNumber.Parse(value, region);
                Assert.True(number is null || number.StoredForms.Count > 0, value);
            }
        }
    }

    [Fact]
    public void The_same_caller_in_any_spelling_has_one_key()
    {
        var keys = new[] { "+1 (415) 555-0100", "4155550100", "1-415-555-0100", "tel:+14155550100;ext=9", "+1 415 555 0100 x 12" }
            .Select(n => PhoneNumber.Parse(n, "US")!.Key).Distinct();

        Assert.Equal(["+14155550100"], keys);
    }

    [Fact]
    public void The_settings_region_list_is_libphonenumbers()
    {
        Assert.Equal(PhoneNumberUtil.GetInstance().GetSupportedRegions().Order(StringComparer.Ordinal), PhoneRegions.All.Order(StringComparer.Ordinal));
        Assert.Contains(PhoneRegions.Default, PhoneRegions.All);
    }

    [Theory]
    [InlineData("US", null)]
    [InlineData("GB", null)]
    [InlineData("XK", null)]
    [InlineData("us", "must be a two-letter region code")]
    [InlineData("ZZ", "must be a two-letter region code")]
    [InlineData("USA", "must be a two-letter region code")]
    [InlineData("", "must be a two-letter region code")]
    [InlineData(null, "must be a two-letter region code")]
    public void The_default_region_must_be_a_known_region_code(string? region, string? error)
    {
        var errors = IntegrationSettingsValidator.Validate(new PlatformSettings { DefaultPhoneRegion = region! });

        if (error is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            var refused = Assert.Single(errors);
            Assert.Equal(nameof(PlatformSettings.DefaultPhoneRegion), refused.Field);
            Assert.StartsWith(error, refused.Message);
        }
    }
}
