using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ClarityConnect.AdminApi;

/// <summary>
/// Puts the exception handler and the status-code pages in front of the whole pipeline of a host that serves the admin
/// API, so every 4xx/5xx without a body (unknown route 404, 405, 415, a bearer scheme's 403, an exception outside an
/// endpoint) is answered with a ProblemDetails (<see cref="AdminProblemDetails.Describe"/>), never an empty body or an
/// exception's text. A startup filter, so the silo and the standalone host get it from <c>AddAdminApi</c> alone.
/// </summary>
internal sealed class ProblemDetailsStartupFilter : IStartupFilter
{
    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        next(app);
    };
}
