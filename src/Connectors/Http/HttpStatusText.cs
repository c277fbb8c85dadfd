using System.Globalization;
using System.Net;
using System.Text;

namespace ClarityConnect.Connectors.Http;

/// <summary>A status as people read it: <c>503 Service Unavailable</c>, <c>429 Too Many Requests</c>.</summary>
public static class HttpStatusText
{
    /// <summary>The code and its words, e.g. <c>400 Bad Request</c>; just the code for a status without a name.</summary>
    public static string Of(HttpStatusCode status)
    {
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var name = status.ToString();
        if (name == code)
        {
            return code;
        }

        // The enum names are the RFC reason phrases without their spaces (ServiceUnavailable, TooManyRequests).
        var text = new StringBuilder(code).Append(' ');
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append(' ');
            }

            text.Append(name[i]);
        }

        return text.ToString();
    }
}
