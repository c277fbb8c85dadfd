namespace ClarityConnect.Abstractions.Integrations;

/// <summary>Thrown when an update names a version other than the stored one (someone saved in between). Nothing was stored.</summary>
[GenerateSerializer]
public sealed class StaleVersionException : Exception
{
    /// <summary>Creates the error.</summary>
    public StaleVersionException(string integration, long expected, long actual)
        : base($"The {integration} settings were changed by someone else: you edited version {expected}, the stored version is {actual}. Reload and save again; nothing was stored.")
    {
        Integration = integration;
        ExpectedVersion = expected;
        ActualVersion = actual;
    }

    /// <summary>The configuration key.</summary>
    [Id(0)] public string Integration { get; }
    /// <summary>The version the caller edited.</summary>
    [Id(1)] public long ExpectedVersion { get; }
    /// <summary>The stored version.</summary>
    [Id(2)] public long ActualVersion { get; }
}
