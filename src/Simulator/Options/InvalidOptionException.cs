namespace ClarityConnect.Simulator.Options;

/// <summary>Thrown when an option or setting is unknown or has a bad value; the message names it.</summary>
public sealed class InvalidOptionException(string message) : Exception(message);
