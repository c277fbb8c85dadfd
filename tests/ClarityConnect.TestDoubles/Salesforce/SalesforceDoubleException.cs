namespace ClarityConnect.TestDoubles.Salesforce;

/// <summary>Aborts request handling with a Salesforce error array answer: <c>[{"message":...,"errorCode":...}]</c>.</summary>
internal sealed class SalesforceDoubleException(int statusCode, string errorCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string ErrorCode { get; } = errorCode;

    public static SalesforceDoubleException Malformed(string query, string detail) =>
        new(400, "MALFORMED_QUERY", $"\n{query}\n^\nERROR at Row:1:Column:1\n{detail}");

    public static SalesforceDoubleException InvalidType(string query, string objectType) =>
        new(400, "INVALID_TYPE", $"\n{query}\n^\nERROR at Row:1:Column:1\nsObject type '{objectType}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.");

    public static SalesforceDoubleException InvalidField(string query, string field, string objectType) =>
        new(400, "INVALID_FIELD", $"\n{query}\n^\nERROR at Row:1:Column:1\nNo such column '{field}' on entity '{objectType}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.");
}
