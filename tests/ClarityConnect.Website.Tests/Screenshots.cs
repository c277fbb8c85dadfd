namespace ClarityConnect.Website.Tests;

/// <summary>Where page screenshots go: <c>$CLARITYCONNECT_TEST_RESULTS/website-screenshots</c> (scripts/test.sh sets it to its run's results folder), else <c>TestResults/website-screenshots</c> of the checkout.</summary>
internal static class Screenshots
{
    public static string Directory()
    {
        var results = Environment.GetEnvironmentVariable("CLARITYCONNECT_TEST_RESULTS");
        if (string.IsNullOrWhiteSpace(results))
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ClarityConnect.sln")))
            {
                folder = folder.Parent;
            }

            results = Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "TestResults");
        }

        var directory = Path.Combine(results, "website-screenshots");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
