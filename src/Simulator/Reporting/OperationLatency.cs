namespace ClarityConnect.Simulator.Reporting;

/// <summary>The latencies of one operation, in milliseconds, over its successful calls.</summary>
/// <param name="Operation">The operation's name.</param>
/// <param name="Calls">Successful calls.</param>
/// <param name="Errors">Failed calls (not in the percentiles).</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Slowest call.</param>
public sealed record OperationLatency(string Operation, int Calls, int Errors, double P50, double P95, double P99, double Max);
