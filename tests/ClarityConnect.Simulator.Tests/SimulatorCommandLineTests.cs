using ClarityConnect.Simulator.Options;
using Microsoft.Extensions.Configuration;

namespace ClarityConnect.Simulator.Tests;

/// <summary>The simulator's flags: what they set, and how a bad flag or value is named.</summary>
public sealed class SimulatorCommandLineTests
{
    [Fact]
    public void Options_become_configuration_settings_that_bind_to_the_simulator_options()
    {
        var parsed = SimulatorCommandLine.Parse(
            ["--sessions", "500", "--chat-share=0.25", "--allow-insecure-transport", "--gateway", "10.0.0.5:30000", "--run-id", "r1"]);

        Assert.False(parsed.HelpRequested);
        var options = SimulatorOptionsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(parsed.Settings).Build());
        Assert.Equal(500, options.Sessions);
        Assert.Equal(0.25, options.ChatShare);
        Assert.True(options.AllowInsecureTransport);
        Assert.Equal("10.0.0.5:30000", options.Gateway);
        Assert.Equal("r1", options.RunId);
        Assert.Equal(20, options.Concurrency); // not given: SimulatorOptions' default stays
    }

    [Fact]
    public void An_option_not_given_sets_nothing_so_the_environment_still_applies()
    {
        var parsed = SimulatorCommandLine.Parse(["--agents", "4"]);

        Assert.Equal(new Dictionary<string, string?> { ["ClarityConnect:Simulator:Agents"] = "4" }, parsed.Settings);
    }

    [Fact]
    public void The_flags_the_multi_process_tests_pass_are_all_accepted()
    {
        // As tests/ClarityConnect.EndToEnd.Tests (MultiProcessCluster, SiloFailoverTests) start the simulator.
        var parsed = SimulatorCommandLine.Parse(
        [
            "--sessions", "300", "--concurrency", "20", "--agents", "20", "--think-ms", "40", "--call-timeout-ms", "5000",
            "--recovery-ms", "60000", "--run-id", "e2e", "--seed", "8", "--postgres", "Host=db", "--cluster-id", "c1",
            "--service-id", "s1", "--tls-cert", "client.crt", "--tls-key", "client.key", "--tls-ca", "ca.crt",
        ]);

        Assert.Equal(14, parsed.Settings.Count);
        Assert.Equal("ca.crt", parsed.Settings["ClarityConnect:Simulator:Tls:CaFile"]);
        Assert.Equal("60000", parsed.Settings["ClarityConnect:Simulator:RecoveryMs"]);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_is_recognised(string flag) => Assert.True(SimulatorCommandLine.Parse([flag]).HelpRequested);

    [Fact]
    public void The_help_lists_every_option_and_how_settings_and_exit_codes_work()
    {
        using var output = new StringWriter();
        SimulatorCommandLine.WriteHelp(output);

        var help = output.ToString();
        Assert.All(OptionCatalog.All, option => Assert.Contains(option.Name, help));
        Assert.Contains("--sessions <N>", help);
        Assert.Contains("ClarityConnect__Simulator__Sessions=500", help);
        Assert.Contains("2 for a bad option", help);
    }

    [Fact]
    public void An_unknown_flag_is_named_with_the_close_one_suggested()
    {
        var error = Assert.Throws<InvalidOptionException>(() => SimulatorCommandLine.Parse(["--sesions", "5"]));

        Assert.Contains("'--sesions'", error.Message);
        Assert.Contains("--sessions", error.Message.Replace("'--sesions'", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--sessions", "abc", "'abc'")]
    [InlineData("--seed", "1.5", "'1.5'")]
    [InlineData("--chat-share", "1.5", "'1.5' is not a number between 0 and 1")]
    [InlineData("--abandon-share", "0,2", "'0,2' is not a number between 0 and 1")]
    [InlineData("--gateway", " ", "--gateway needs a non-empty value (HOST:PORT)")]
    public void A_bad_value_is_named_with_its_flag(string flag, string value, string expected)
    {
        var error = Assert.Throws<InvalidOptionException>(() => SimulatorCommandLine.Parse([flag, value]));

        Assert.Contains(flag, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_flag_without_its_value_is_named()
    {
        var error = Assert.Throws<InvalidOptionException>(() => SimulatorCommandLine.Parse(["--postgres"]));

        Assert.Contains("'--postgres'", error.Message);
    }

    [Fact]
    public void A_stray_argument_is_named()
    {
        var error = Assert.Throws<InvalidOptionException>(() => SimulatorCommandLine.Parse(["--sessions", "5", "extra"]));

        Assert.Contains("'extra'", error.Message);
    }
}
