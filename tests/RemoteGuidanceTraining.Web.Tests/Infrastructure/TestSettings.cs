namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>Settings every test site gets; a test adds or overrides its own.</summary>
public static class TestSettings
{
    public static Dictionary<string, string?> For(string dataFolder, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["App:DataFolder"] = dataFolder,
            // Tests sign in many times from one address; the rate limit has its own test.
            ["Security:SignInAttemptsPerMinute"] = "1000",
            // Every sign-in and registration would wait 0.6 s for nothing: a worker of the suite's two idle for minutes
            // of each run. The floor has its own test (AccountTakeoverTests), on a site with the default.
            ["Security:EvenResponseMilliseconds"] = "0",
            // Required outside Development: mailed links are built from it, and only these hosts are answered.
            ["App:PublicBaseUrl"] = TestSite.BaseUrl,
            ["AllowedHosts"] = "localhost;127.0.0.1",
        };
        TestDatabase.AddTo(settings, dataFolder);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
