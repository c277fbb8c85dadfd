using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>An OData collection answer: <c>{"value":[…]}</c>.</summary>
/// <remarks>The collections here are never null: System.Text.Json's generated code sets an init-only property it did not
/// find in the JSON to null, so each one maps null to empty.</remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed record ODataCollection<T>
{
    /// <summary>The elements.</summary>
    [JsonPropertyName("value")]
    public List<T> Value { get => field; init => field = value ?? []; } = [];
}

/// <summary>The <c>Targets</c> of a lookup column (<c>…/Attributes/Microsoft.Dynamics.CRM.LookupAttributeMetadata</c>).</summary>
internal sealed record DataverseLookupTargets
{
    /// <summary>The lookup's <c>LogicalName</c>.</summary>
    public required string LogicalName { get; init; }

    /// <summary>The tables it can point to.</summary>
    public List<string> Targets { get => field; init => field = value ?? []; } = [];
}

/// <summary>A metadata <c>Label</c>: <c>{"LocalizedLabels":[{"Label":"Contact","LanguageCode":1033}],"UserLocalizedLabel":{…}}</c>.</summary>
internal sealed record DataverseLabel
{
    /// <summary>The label in the calling user's language; null when there is none.</summary>
    public DataverseLocalizedLabel? UserLocalizedLabel { get; init; }

    /// <summary>The label in every installed language.</summary>
    public List<DataverseLocalizedLabel> LocalizedLabels { get => field; init => field = value ?? []; } = [];

    /// <summary>The user's label, else the first one; null when the table or column has none.</summary>
    public string? Text => UserLocalizedLabel?.Label ?? LocalizedLabels.Select(l => l.Label).FirstOrDefault(l => l is not null);
}

/// <summary>One language's text of a <see cref="DataverseLabel"/>.</summary>
internal sealed record DataverseLocalizedLabel
{
    /// <summary>The text.</summary>
    public string? Label { get; init; }
}

/// <summary>Reads a metadata <c>DisplayName</c> label object as its text (<see cref="DataverseLabel.Text"/>); writes the text.</summary>
internal sealed class DataverseLabelConverter : JsonConverter<string?>
{
    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, DataverseJsonContext.Default.DataverseLabel)?.Text;

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
