namespace ClarityConnect.TestDoubles.Salesforce;

/// <summary>A field of an object in the double's describe.</summary>
/// <param name="Name">The API name.</param>
/// <param name="Type">The describe type: <c>id</c>, <c>string</c>, <c>phone</c>, <c>email</c>, <c>reference</c>, <c>datetime</c>, <c>boolean</c>, <c>int</c>, <c>double</c>, <c>textarea</c>, <c>base64</c>, …</param>
/// <param name="ReferenceTo">For reference fields, the target objects.</param>
/// <param name="RelationshipName">For reference fields, the SOQL relationship name (<c>Account</c>, <c>Parent__r</c>).</param>
/// <param name="Filterable">Whether WHERE may use it.</param>
public sealed record SalesforceDoubleField(string Name, string Type, IReadOnlyList<string> ReferenceTo, string? RelationshipName, bool Filterable = true)
{
    /// <summary>True for text-like types compared as strings.</summary>
    internal bool IsText => Type is "string" or "phone" or "email" or "textarea" or "picklist" or "multipicklist" or "id" or "reference" or "url" or "combobox" or "base64" or "encryptedstring";

    /// <summary>True for number types.</summary>
    internal bool IsNumber => Type is "int" or "double" or "currency" or "percent" or "long";

    /// <summary>True for date and datetime types.</summary>
    internal bool IsDate => Type is "date" or "datetime" or "time";
}
