using Microsoft.Extensions.Options;

namespace ClarityConnect.Observability;

/// <summary>
/// Checks <see cref="ClarityConnectTelemetryOptions"/>, naming each bad setting. The telemetry pipeline is built from the
/// options while the host is being built, so <see cref="TelemetryHostApplicationBuilderExtensions.AddClarityConnectTelemetry"/>
/// runs this validator then and throws the <see cref="OptionsValidationException"/> that <c>ValidateOnStart</c> would.
/// </summary>
public sealed class ClarityConnectTelemetryOptionsValidator : IValidateOptions<ClarityConnectTelemetryOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ClarityConnectTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
