using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Simulator.Calls;

/// <summary>A grain call failed or got no answer in time; <see cref="Exception.InnerException"/> is what the call threw.</summary>
public sealed class GrainCallException(string operation, Exception inner)
    : Exception($"{operation} failed: {Describe(inner)}", inner)
{
    /// <summary>The operation (<see cref="GrainOperation"/>).</summary>
    public string Operation { get; } = operation;

    /// <summary>
    /// True when the cluster refused the call for a reason that repeating it cannot change (an illegal transition, a
    /// bad argument); false for timeouts and lost connections, which a retry after re-reading may get past.
    /// </summary>
    public bool IsRefusal => InnerException is InvalidTransitionException or InvalidRequestException or ArgumentException or NotSupportedException;

    /// <summary>One line: the exception type and the first line of its message.</summary>
    public static string Describe(Exception exception)
    {
        var message = exception.Message;
        var newline = message.IndexOfAny(['\r', '\n']);
        if (newline >= 0)
        {
            message = message[..newline];
        }

        if (message.Length > 300)
        {
            message = message[..300] + "…";
        }

        return $"{exception.GetType().Name}: {message}";
    }
}
