using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>The test silos register their options through the same extensions as the host, so they validate them too.</summary>
public sealed class TestSiloValidationTests
{
    [Fact]
    public async Task A_test_silo_refuses_a_bad_setting_before_it_opens_the_database()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "clarityconnect-tests", Guid.NewGuid().ToString("n"));
        var builder = new TestClusterBuilder(1);
        builder.Properties[TestSiloConfigurator.DataDirectoryKey] = dataDirectory;
        builder.Properties["ClarityConnect:Csi:Events:Queues"] = "0";
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        await using var cluster = builder.Build();

        var failure = await Assert.ThrowsAnyAsync<Exception>(cluster.DeployAsync);

        var invalid = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(failure));
        Assert.Contains("ClarityConnect:Csi:Events:Queues must be between 1 and 256; it is 0.", invalid.Failures);
        Assert.False(File.Exists(Path.Combine(dataDirectory, "clarityconnect.db")), "the database was created");
    }

    private static T? Innermost<T>(Exception? failure)
        where T : Exception
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            if (failure is T found)
            {
                return found;
            }

            if (failure is AggregateException { InnerExceptions: var inner } && inner.OfType<T>().FirstOrDefault() is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
