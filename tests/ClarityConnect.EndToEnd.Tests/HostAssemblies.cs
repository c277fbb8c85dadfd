using System.Reflection;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>
/// Where the hosts' dlls are in their own build output. The project file compiles the paths in from the referenced
/// host projects (target <c>AddHostAssemblyPaths</c>), so a Release test run starts the Release hosts.
/// </summary>
public static class HostAssemblies
{
    /// <summary>The silo, <c>ClarityConnect.Silo.dll</c>.</summary>
    public static string Silo => Find("ClarityConnect.Silo");

    /// <summary>The standalone admin API, <c>ClarityConnect.AdminApi.dll</c>.</summary>
    public static string AdminApi => Find("ClarityConnect.AdminApi");

    /// <summary>The telephony simulator, <c>ClarityConnect.Simulator.dll</c>.</summary>
    public static string Simulator => Find("ClarityConnect.Simulator");

    private static string Find(string name)
    {
        var key = "HostAssembly:" + name;
        var path = typeof(HostAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"The test assembly has no {key} metadata; is {name} a HostAssembly reference in the project file?");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{name} is not built at {path}; build the solution in the same configuration as the tests.", path);
    }
}
