namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>Ends a request of the double with Dataverse's error shape <c>{"error":{"code","message"}}</c>.</summary>
internal sealed class DataverseDoubleException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;
}
