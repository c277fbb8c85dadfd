using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Silo.Startup;

/// <summary>
/// Turns what stops the silo at start-up into a few clear lines on standard error and an exit code, never a stack
/// trace: <see cref="InvalidConfigurationExitCode"/> for a bad setting, <see cref="UnavailableExitCode"/> for a data
/// folder or port another process holds.
/// </summary>
public static class StartupFailure
{
    /// <summary>The exit code when a setting is invalid.</summary>
    public const int InvalidConfigurationExitCode = 2;

    /// <summary>The exit code when the data folder or a port is held by another process.</summary>
    public const int UnavailableExitCode = 3;

    /// <summary>Prints <paramref name="problems"/> (each naming its setting) and returns <see cref="InvalidConfigurationExitCode"/>.</summary>
    public static int InvalidConfiguration(IEnumerable<string> problems)
    {
        Console.Error.WriteLine("ClarityConnect cannot start, the configuration is invalid:");
        foreach (var problem in problems)
        {
            Console.Error.WriteLine("  - " + problem);
        }

        return InvalidConfigurationExitCode;
    }

    /// <summary>Prints <paramref name="problem"/> as one line and returns <see cref="UnavailableExitCode"/>.</summary>
    public static int Unavailable(string problem)
    {
        Console.Error.WriteLine("ClarityConnect cannot start: " + problem);
        return UnavailableExitCode;
    }

    /// <summary>
    /// The configuration problems <paramref name="failure"/> reports, each naming its setting: options validation
    /// (<c>ValidateOnStart</c>, one or several options classes), a value the configuration binder cannot convert, an
    /// Orleans configuration check. <see langword="null"/> for anything else.
    /// </summary>
    public static IReadOnlyList<string>? ConfigurationProblems(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var problems = new List<string>();
        foreach (var cause in Causes(failure))
        {
            switch (cause)
            {
                case OptionsValidationException invalid:
                    problems.AddRange(invalid.Failures);
                    break;
                case InvalidOperationException unconvertible when unconvertible.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                    // The binder names the path and the type ("… at 'ClarityConnect:Exports:MaxAttempts' to type 'System.Int32'").
                    problems.Add(unconvertible.Message);
                    break;
                case Orleans.Runtime.OrleansConfigurationException orleans:
                    problems.Add(orleans.Message);
                    break;
            }
        }

        return problems.Count > 0 ? problems : null;
    }

    /// <summary>
    /// The port a failed start could not open, as one line, when <paramref name="failure"/> is a bind failure (another
    /// process took the port between <see cref="ListenPorts"/>' check and the start); <see langword="null"/> otherwise.
    /// </summary>
    public static string? PortInUse(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        foreach (var cause in Causes(failure))
        {
            // Kestrel's own message names the address ("Failed to bind to address http://[::1]:8080: address already in use.").
            if (cause is IOException { InnerException: AddressInUseException })
            {
                return $"Urls: {cause.Message.TrimEnd('.')}; stop the process that uses it or choose another port.";
            }

            if (cause is AddressInUseException || cause is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return $"a port is already in use by another process ({cause.Message}); check ClarityConnect:Cluster:SiloPort, ClarityConnect:Cluster:GatewayPort and Urls.";
            }
        }

        return null;
    }

    private static IEnumerable<Exception> Causes(Exception failure)
    {
        var pending = new Stack<Exception>([failure]);
        while (pending.TryPop(out var next))
        {
            yield return next;
            if (next is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (next.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
