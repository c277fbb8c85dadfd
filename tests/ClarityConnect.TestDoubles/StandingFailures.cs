namespace ClarityConnect.TestDoubles;

/// <summary>Failures a double answers to every request that matches a rule, until the rule's handle is disposed: a remote
/// system that keeps refusing one kind of call (every upload) while answering the others.</summary>
/// <typeparam name="TRequest">The double's recorded request.</typeparam>
/// <typeparam name="TFailure">The double's failure answer.</typeparam>
internal sealed class StandingFailures<TRequest, TFailure>
    where TFailure : class
{
    private readonly Lock sync = new();
    private readonly List<Rule> rules = [];

    /// <summary>Answers <paramref name="failure"/> to every request matching <paramref name="matches"/> until the handle is disposed.</summary>
    public IDisposable Add(Func<TRequest, bool> matches, TFailure failure)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var rule = new Rule(matches, failure, this);
        lock (sync)
        {
            rules.Add(rule);
        }

        return rule;
    }

    /// <summary>The failure of the first rule <paramref name="request"/> matches, or null.</summary>
    public TFailure? For(TRequest request)
    {
        lock (sync)
        {
            return rules.FirstOrDefault(r => r.Matches(request))?.Failure;
        }
    }

    private void Remove(Rule rule)
    {
        lock (sync)
        {
            rules.Remove(rule);
        }
    }

    private sealed record Rule(Func<TRequest, bool> Matches, TFailure Failure, StandingFailures<TRequest, TFailure> Owner) : IDisposable
    {
        public void Dispose() => Owner.Remove(this);
    }
}
