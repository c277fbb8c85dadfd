using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>The admin API's settings, bound and validated on start as <see cref="AdminApiExtensions.AddAdminApi"/> registers them.</summary>
public sealed class AdminApiOptionsValidationTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Validate();
    }

    [Theory]
    [InlineData("MaxRequestBodyBytes", "-1", "ClarityConnect:AdminApi:MaxRequestBodyBytes must be between 1024 and 104857600 bytes; it is -1.")]
    [InlineData("ApiKeyHashes:0", "not-a-hash", "ClarityConnect:AdminApi:ApiKeyHashes:0 must be a SHA-256 hash in hex (64 characters).")]
    [InlineData("PublicBaseUrl", "admin.example.com", "ClarityConnect:AdminApi:PublicBaseUrl must be an absolute https (or http) URL")]
    [InlineData("PublicBaseUrl", "https://user:pass@admin.example.com", "ClarityConnect:AdminApi:PublicBaseUrl must be an absolute https (or http) URL")]
    [InlineData("Jwt:SigningKey", "c2hvcnQ=", "ClarityConnect:AdminApi:Jwt:Audience is required")]
    public void A_bad_value_fails_start_up_naming_the_setting(string setting, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Validate((setting, value)));

        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => f.Contains("pass@", StringComparison.Ordinal) || f.Contains("c2hvcnQ=", StringComparison.Ordinal));
    }

    private static void Validate(params (string Setting, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"{AdminApiOptions.Section}:{s.Setting}", s.Value)))
            .Build();
        using var services = new ServiceCollection().AddLogging().AddAdminApi(configuration).BuildServiceProvider();
        services.GetRequiredService<IStartupValidator>().Validate();
    }
}
