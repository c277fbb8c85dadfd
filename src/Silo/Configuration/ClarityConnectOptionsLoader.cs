namespace ClarityConnect.Silo.Configuration;

/// <summary>Reads the <c>ClarityConnect</c> section and checks it, turning binder failures into messages that name the setting.</summary>
public static class ClarityConnectOptionsLoader
{
    /// <summary>The options, or the problems that stop the silo from starting.</summary>
    public static (ClarityConnectOptions Options, List<string> Errors) Load(IConfiguration configuration)
    {
        try
        {
            var options = configuration.GetSection(ClarityConnectOptions.Section).Get<ClarityConnectOptions>() ?? new ClarityConnectOptions();
            return (options, ClarityConnectOptionsValidator.Validate(options));
        }
        catch (InvalidOperationException invalid)
        {
            // The binder names the path ("at 'ClarityConnect:Storage:Profile'"); its inner exception says why.
            var reason = invalid.InnerException?.Message ?? invalid.Message;
            return (new ClarityConnectOptions(), [$"{invalid.Message.Split(" to type ")[0]}: {reason}"]);
        }
    }
}
