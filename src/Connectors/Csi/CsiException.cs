namespace ClarityConnect.Connectors.Csi;

/// <summary>CSI refused or did not take a request; <see cref="IsTransient"/> says whether trying again can help.</summary>
public sealed class CsiException(string message, bool isTransient, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Whether a later attempt may succeed (CSI down, overloaded, timing out).</summary>
    public bool IsTransient { get; } = isTransient;
}
