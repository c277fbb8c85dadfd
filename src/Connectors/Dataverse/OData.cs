using System.Globalization;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Builds OData (Dataverse Web API) query text from caller data: the one escaping component for OData.</summary>
/// <remarks>
/// Two layers, both needed (crm-wire-facts B2, "Escaping"): first the OData literal rules (a string literal is quoted
/// with <c>'</c> and an embedded <c>'</c> is doubled), then URL encoding of the whole option value, which
/// <see cref="DataverseClient"/> does with <see cref="Uri.EscapeDataString(string)"/> so that <c>+</c>, <c>&amp;</c>, <c>#</c>,
/// <c>%</c> and the rest reach Dataverse unchanged. Caller data must only ever enter a filter through <see cref="Literal(string)"/>
/// (or the typed overloads); property names only after <see cref="IsValidIdentifier"/>.
/// </remarks>
public static class OData
{
    /// <summary>A string literal: <paramref name="value"/> in single quotes with every <c>'</c> doubled, e.g. <c>O'Brien</c> → <c>'O''Brien'</c>.
    /// Any other character (operators, parentheses, <c>%</c>, <c>+</c>, unicode) stays as it is: inside a literal it is data.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A GUID literal, unquoted as Edm.Guid is written in OData URLs, e.g. for <c>_parentcustomerid_value eq …</c>.</summary>
    public static string Literal(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>A boolean literal: <c>true</c> or <c>false</c>.</summary>
    public static string Literal(bool value) => value ? "true" : "false";

    /// <summary>An integer literal in invariant culture.</summary>
    public static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A decimal literal in invariant culture (never an exponent, never a locale's comma).</summary>
    public static string Literal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A DateTimeOffset literal in ISO 8601 UTC, e.g. <c>2024-05-01T10:00:00Z</c>.</summary>
    public static string Literal(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>{property} eq {literal}</c> for a string value; throws when <paramref name="property"/> is not an identifier.</summary>
    public static string Equal(string property, string value) => $"{RequireIdentifier(property)} eq {Literal(value)}";

    /// <summary><c>contains({property},{literal})</c>; throws when <paramref name="property"/> is not an identifier.</summary>
    public static string Contains(string property, string value) => $"contains({RequireIdentifier(property)},{Literal(value)})";

    /// <summary><c>startswith({property},{literal})</c>; throws when <paramref name="property"/> is not an identifier.</summary>
    public static string StartsWith(string property, string value) => $"startswith({RequireIdentifier(property)},{Literal(value)})";

    /// <summary>True for a property reference Dataverse accepts in <c>$select</c>/<c>$filter</c>: a logical name
    /// (<c>telephone1</c>, <c>new_field</c>), a lookup value (<c>_parentcustomerid_value</c>) or a navigation path of such
    /// names separated by <c>/</c> (<c>parentcustomerid_account/name</c>). Letters, digits and <c>_</c> only; a segment does not
    /// start with a digit; at most 8 segments of at most 128 characters.</summary>
    public static bool IsValidIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var segments = name.Split('/');
        if (segments.Length > 8)
        {
            return false;
        }

        foreach (var segment in segments)
        {
            if (!IsValidName(segment))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a single name (entity logical name, entity set name, attribute logical name): no path separators.</summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 128 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns <paramref name="name"/> when <see cref="IsValidIdentifier"/>; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static string RequireIdentifier(string name)
    {
        if (!IsValidIdentifier(name))
        {
            throw new ArgumentException($"'{name}' is not an OData property name or navigation path.", nameof(name));
        }

        return name;
    }

    /// <summary>A comma-separated <c>$select</c> list, each name checked with <see cref="IsValidIdentifier"/>.</summary>
    public static string Select(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.Select(n => RequireIdentifier(n.Trim())).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("$select needs at least one column.", nameof(names));
        }

        return string.Join(',', list);
    }
}
