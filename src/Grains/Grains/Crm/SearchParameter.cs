using System.Globalization;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Crm;

/// <summary>
/// An Extra Item Key's Search Parameter, read the same way for every CRM: <c>Field</c> (searched on the CRM's customer
/// objects that have it) or <c>Object.Field</c> (any object or table). Every refusal names the setting, the field and
/// the object, so a call flow's No Match says what to fix.
/// </summary>
/// <param name="Objects">The objects (tables) searched.</param>
/// <param name="Field">The field (column) searched on each.</param>
public sealed record SearchParameter(IReadOnlyList<string> Objects, string Field)
{
    private const string Setting = "SearchParameter";

    /// <summary>Reads <paramref name="text"/>; refused unless it is one or two names <paramref name="isValidName"/> accepts.</summary>
    /// <param name="text">The node's Search Parameter.</param>
    /// <param name="customerObjects">The objects a bare <c>Field</c> is searched on, e.g. Contact and Account.</param>
    /// <param name="isValidName">The CRM's rule for an object or field name.</param>
    public static SearchParameter Parse(string text, IReadOnlyList<string> customerObjects, Func<string, bool> isValidName)
    {
        var parts = text.Split('.');
        if (parts.Length > 2 || !parts.All(isValidName))
        {
            throw new InvalidRequestException(Setting, $"'{text}' is not Field or Object.Field");
        }

        return new SearchParameter(parts.Length == 2 ? [parts[0]] : customerObjects, parts[^1]);
    }

    /// <summary>The searchable targets, one per object that can be searched by <see cref="Field"/>; refused naming every
    /// object's problem when none can.</summary>
    /// <param name="resolve">For an object, its target or why it cannot be searched (e.g. <see cref="Missing"/>).</param>
    public async Task<List<T>> TargetsAsync<T>(Func<string, Task<(T? Target, string? Problem)>> resolve)
        where T : class
    {
        var targets = new List<T>();
        var problems = new List<string>();
        foreach (var objectName in Objects)
        {
            var (target, problem) = await resolve(objectName);
            if (target is not null)
            {
                targets.Add(target);
            }
            else
            {
                problems.Add(problem ?? Missing(objectName));
            }
        }

        return targets.Count > 0 ? targets : throw new InvalidRequestException(Setting, string.Join("; ", problems));
    }

    /// <summary>Why <paramref name="objectName"/> cannot be searched: it has no such field, e.g. "Ticket__c has no field 'Foo__c'".</summary>
    public string Missing(string objectName, string noun = "field") => $"{objectName} has no {noun} '{Field}'";

    /// <summary>An unquoted number literal for a number field; a value that is not a number cannot match and is refused.</summary>
    /// <param name="value">The extra item's value.</param>
    /// <param name="column">The field as <c>Object.Field</c>, for the refusal.</param>
    public static string Number(string value, string column) =>
        decimal.TryParse(value, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : throw new InvalidRequestException(Setting, $"{column} is a number field and the extra item's value is not a number");

    /// <summary>An unquoted <c>true</c> / <c>false</c> for a checkbox field; any other value is refused.</summary>
    /// <param name="value">The extra item's value.</param>
    /// <param name="column">The field as <c>Object.Field</c>, for the refusal.</param>
    public static string Boolean(string value, string column) =>
        bool.TryParse(value, out var flag)
            ? (flag ? "true" : "false")
            : throw new InvalidRequestException(Setting, $"{column} is a yes/no field and the extra item's value is not true or false");
}
