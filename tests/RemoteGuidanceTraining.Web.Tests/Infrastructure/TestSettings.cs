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
