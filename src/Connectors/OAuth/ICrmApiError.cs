using System.Net;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>A CRM's answer to a REST call with an error status, as its connector's exception carries it.</summary>
public interface ICrmApiError
{
    /// <summary>The HTTP status of the answer.</summary>
    HttpStatusCode StatusCode { get; }

    /// <summary>The CRM's error code (Salesforce's <c>errorCode</c>, Dataverse's <c>error.code</c>); empty when it sent none.</summary>
    string ErrorCode { get; }
}
