using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// The options the grains and connectors read, bound and validated the way every silo (host and test) registers them
/// (<see cref="ServiceCollectionExtensions.AddClarityConnectGrains"/>): a bad value fails the start-up validation with a
/// message naming the configuration path and the value; the defaults pass.
/// </summary>
public sealed class OptionsValidationTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void The_defaults_with_a_secret_key_are_valid()
    {
        Validate();
    }

    [Theory]
    [InlineData("SettingsCache:MaxAge", "00:00:00.5", "ClarityConnect:SettingsCache:MaxAge must be between 1 second and 1 hour; it is 00:00:00.5000000.")]
    [InlineData("SettingsCache:MaxAge", "02:00:00", "ClarityConnect:SettingsCache:MaxAge must be between 1 second and 1 hour; it is 02:00:00.")]
    [InlineData("Exports:MaxAttempts", "-3", "ClarityConnect:Exports:MaxAttempts must be between 1 and 100; it is -3.")]
    [InlineData("Exports:MaxAttempts", "101", "ClarityConnect:Exports:MaxAttempts must be between 1 and 100; it is 101.")]
    [InlineData("Exports:FirstRetryDelay", "00:00:00", "ClarityConnect:Exports:FirstRetryDelay must be more than 0 and at most 1 hour; it is 00:00:00.")]
    [InlineData("Exports:MaxRetryDelay", "00:00:01", "ClarityConnect:Exports:MaxRetryDelay must be at least FirstRetryDelay and at most 1 day; it is 00:00:01.")]
    [InlineData("Exports:ReminderPeriod", "00:00:00.5", "ClarityConnect:Exports:ReminderPeriod must be between 1 second and 1 day; it is 00:00:00.5000000.")]
    [InlineData("ChangeEvents:RedeliveryPeriod", "-00:00:01", "ClarityConnect:ChangeEvents:RedeliveryPeriod must be between 1 second and 1 hour; it is -00:00:01.")]
    [InlineData("ChangeEvents:ReminderRetention", "00:00:05", "ClarityConnect:ChangeEvents:ReminderRetention must be at least RedeliveryPeriod and at most 1 day; it is 00:00:05.")]
    [InlineData("ChangeEvents:AcknowledgementDelay", "00:00:00", "ClarityConnect:ChangeEvents:AcknowledgementDelay must be more than 0 and at most half of RedeliveryPeriod; it is 00:00:00.")]
    [InlineData("ChangeEvents:AcknowledgementDelay", "00:00:06", "ClarityConnect:ChangeEvents:AcknowledgementDelay must be more than 0 and at most half of RedeliveryPeriod; it is 00:00:06.")]
    [InlineData("Csi:Events:MaxBatchSize", "0", "ClarityConnect:Csi:Events:MaxBatchSize must be between 1 and 10000; it is 0.")]
    [InlineData("Csi:Events:MaxBatchAge", "00:05:00", "ClarityConnect:Csi:Events:MaxBatchAge must be between 0 and 1 minute; it is 00:05:00.")]
    [InlineData("Csi:Events:FirstRetryDelay", "00:00:00", "ClarityConnect:Csi:Events:FirstRetryDelay must be more than 0 and at most 1 hour; it is 00:00:00.")]
    [InlineData("Csi:Events:MaxRetryDelay", "00:00:00.1", "ClarityConnect:Csi:Events:MaxRetryDelay must be at least FirstRetryDelay and at most 1 day; it is 00:00:00.1000000.")]
    [InlineData("Csi:Events:ProbePeriod", "00:00:00.5", "ClarityConnect:Csi:Events:ProbePeriod must be between 1 second and 1 hour; it is 00:00:00.5000000.")]
    [InlineData("Csi:Events:ReminderPeriod", "00:00:00.5", "ClarityConnect:Csi:Events:ReminderPeriod must be between 1 second and 1 hour; it is 00:00:00.5000000.")]
    [InlineData("Csi:Acd:FirstRetryDelay", "00:00:00", "ClarityConnect:Csi:Acd:FirstRetryDelay must be more than 0 and at most 1 hour; it is 00:00:00.")]
    [InlineData("Csi:Acd:MaxRetryDelay", "00:00:01", "ClarityConnect:Csi:Acd:MaxRetryDelay must be at least FirstRetryDelay and at most 1 day; it is 00:00:01.")]
    [InlineData("Csi:Events:Queues", "0", "ClarityConnect:Csi:Events:Queues must be between 1 and 256; it is 0.")]
    [InlineData("Csi:Acd:IntervalLength", "00:07:00", "ClarityConnect:Csi:Acd:IntervalLength must be between 1 second and 1 day and divide the day evenly (e.g. 00:15:00, 00:30:00, 01:00:00); it is 00:07:00.")]
    [InlineData("Csi:Acd:IntervalLength", "2.00:00:00", "ClarityConnect:Csi:Acd:IntervalLength must be between 1 second and 1 day")]
    [InlineData("Csi:Acd:UploadDelay", "-00:00:01", "ClarityConnect:Csi:Acd:UploadDelay must be between 0 and 1 hour; it is -00:00:01.")]
    [InlineData("Csi:Acd:RetryPeriod", "00:00:00", "ClarityConnect:Csi:Acd:RetryPeriod must be between 1 second and 1 hour; it is 00:00:00.")]
    [InlineData("Csi:Acd:ServiceLevelThreshold", "00:00:00", "ClarityConnect:Csi:Acd:ServiceLevelThreshold must be more than 0 and at most 1 hour; it is 00:00:00.")]
    [InlineData("Csi:Ftp:TrustedCertificateFile", "/nonexistent/ca.pem", "ClarityConnect:Csi:Ftp:TrustedCertificateFile names '/nonexistent/ca.pem', which does not exist.")]
    [InlineData("Csi:Ftp:TlsHostName", "ftp example", "ClarityConnect:Csi:Ftp:TlsHostName must be a DNS name such as ftp.example.com.")]
    [InlineData("Csi:Ftp:TlsHostName", "10.0.0.1", "ClarityConnect:Csi:Ftp:TlsHostName must be a DNS name such as ftp.example.com.")]
    [InlineData("Connectors:Salesforce:MaxRetryAttempts", "0", "ClarityConnect:Connectors:Salesforce:MaxRetryAttempts must be between 1 and 20; it is 0.")]
    [InlineData("Connectors:Salesforce:LookupTimeout", "00:00:00", "ClarityConnect:Connectors:Salesforce:LookupTimeout must be between 100 ms and 2 minutes; it is 00:00:00.")]
    [InlineData("Connectors:Dataverse:LookupTimeout", "00:05:00", "ClarityConnect:Connectors:Dataverse:LookupTimeout must be between 100 ms and 2 minutes; it is 00:05:00.")]
    [InlineData("Connectors:Salesforce:DefaultRequestTimeout", "00:00:00", "ClarityConnect:Connectors:Salesforce:DefaultRequestTimeout must be at least 10 ms; it is 00:00:00.")]
    [InlineData("Connectors:Salesforce:QueueLimit", "-1", "ClarityConnect:Connectors:Salesforce:QueueLimit must not be negative; it is -1.")]
    [InlineData("Connectors:Salesforce:RetryBaseDelay", "00:06:00", "ClarityConnect:Connectors:Salesforce:RetryBaseDelay must be between 0 and 5 minutes; it is 00:06:00.")]
    [InlineData("Connectors:Dataverse:TokenRefreshMargin", "01:00:00", "ClarityConnect:Connectors:Dataverse:TokenRefreshMargin must be between 0 and 30 minutes; it is 01:00:00.")]
    [InlineData("Connectors:Dataverse:CircuitBreakerBreakDuration", "00:00:00.1", "ClarityConnect:Connectors:Dataverse:CircuitBreakerBreakDuration must be at least 500 ms; it is 00:00:00.1000000.")]
    [InlineData("Connectors:Salesforce:ContentVersionJsonLimit", "0", "ClarityConnect:Connectors:Salesforce:ContentVersionJsonLimit must be positive; it is 0.")]
    [InlineData("Connectors:Dataverse:UploadBlockSize", "0", "ClarityConnect:Connectors:Dataverse:UploadBlockSize must be between 1 byte and 4 MB; it is 0.")]
    [InlineData("Connectors:Dataverse:ApiPath", "/api", "ClarityConnect:Connectors:Dataverse:ApiPath must be a relative path ending with '/', e.g. api/data/v9.2/.")]
    [InlineData("Secrets:Key", "notbase64", "ClarityConnect:Secrets:Key is not valid base64.")]
    [InlineData("Secrets:Key", "c2hvcnQ=", "ClarityConnect:Secrets:Key must be 32 bytes in base64; it is 5 bytes.")]
    public void A_bad_value_fails_validation_naming_the_setting(string setting, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Validate((setting, value)));

        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_trusted_certificate_file_that_holds_no_certificate_fails_validation()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not a certificate");

            var failure = Assert.Throws<OptionsValidationException>(() => Validate(("Csi:Ftp:TrustedCertificateFile", file)));

            Assert.Contains(failure.Failures, f => f == $"ClarityConnect:Csi:Ftp:TrustedCertificateFile names '{file}', which holds no PEM certificate.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_key_file_fails_unless_the_silo_may_create_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "secrets.key");

        var failure = Assert.Throws<OptionsValidationException>(() => Validate(("Secrets:Key", ""), ("Secrets:KeyFile", missing)));

        Assert.Contains(failure.Failures, f => f == $"ClarityConnect:Secrets:KeyFile '{missing}' does not exist.");
        Validate(("Secrets:Key", ""), ("Secrets:KeyFile", missing), ("Secrets:CreateKeyFileIfMissing", "true"));
        Assert.False(File.Exists(missing), "validation created the key file");
    }

    [Fact]
    public void No_key_at_all_fails_naming_both_settings()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Validate(("Secrets:Key", "")));

        Assert.Contains(failure.Failures, f => f.Contains("ClarityConnect:Secrets:Key", StringComparison.Ordinal) && f.Contains("ClarityConnect:Secrets:KeyFile", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_options_class_is_reported_at_once()
    {
        var failure = Assert.Throws<AggregateException>(() => Validate(("Exports:MaxAttempts", "0"), ("Csi:Events:Queues", "0")));

        var messages = failure.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(messages, m => m.StartsWith("ClarityConnect:Exports:MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("ClarityConnect:Csi:Events:Queues", StringComparison.Ordinal));
    }

    // What the host does when it starts: every options class registered with ValidateOnStart is built and checked.
    private static void Validate(params (string Setting, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["ClarityConnect:Secrets:Key"] = Key };
        foreach (var (setting, value) in settings)
        {
            values["ClarityConnect:" + setting] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddClarityConnectGrains(configuration).BuildServiceProvider();
        services.GetRequiredService<IStartupValidator>().Validate();
    }
}
