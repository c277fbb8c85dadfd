using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>
/// A middleware inside the host's pipeline that throws for <see cref="Path"/>, as a bug outside any endpoint would: what
/// the client then gets is the host's answer to an unexpected exception.
/// </summary>
public sealed class FailingRoute : IStartupFilter
{
    /// <summary>The path that throws.</summary>
    public const string Path = "/test/throw";

    /// <summary>The exception's message, which must never reach the client.</summary>
    public const string SecretText = "internal-failure-detail-7f3a";

    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) => context.Request.Path == Path
            ? throw new InvalidOperationException(SecretText)
            : nextMiddleware(context));
        next(app);
    };
}
