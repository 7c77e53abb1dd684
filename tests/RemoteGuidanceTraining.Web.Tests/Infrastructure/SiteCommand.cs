using System.Diagnostics;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// The built site's dll run as an operator runs it (`dotnet RemoteGuidanceTraining.Web.dll …`), from a working
/// directory of the test's choosing, for what only a real process shows: its exit code and what it prints.
/// </summary>
public static class SiteCommand
{
    /// <summary>The configuration the tests were built in, so the site's build output is the one built with them.</summary>
    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>The site's own build output, in the configuration the tests were built in.</summary>
    public static string SiteDll => Path.Combine(RepoPaths.WebProject, "bin", Configuration, "net10.0", "RemoteGuidanceTraining.Web.dll");

    /// <summary>Runs until the process exits, or until <paramref name="until"/> is seen in its output (then it is stopped).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IEnumerable<string> arguments, string? until = null) =>
        RunAsync(workingDirectory, [SiteDll, .. arguments], until);

    /// <summary>
    /// `dotnet run --project … -- arguments` as the README shows the commands, without building again: the SDK, not
    /// the site, decides the working directory the site starts in.
    /// </summary>
    public static Task<(int ExitCode, string Output, string Error)> DotnetRunAsync(string workingDirectory, IEnumerable<string> arguments) =>
        RunAsync(workingDirectory, ["run", "--no-build", "-c", Configuration, "--project", RepoPaths.WebProject, "--", .. arguments], until: null);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, string[] dotnetArguments, string? until)
    {
        var start = new ProcessStartInfo("dotnet", dotnetArguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The settings the test gives are the only ones: nothing from the environment the tests run in.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_CONTENTROOT");
        start.Environment["Logging__Console__FormatterName"] = "simple";
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var error = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await Task.WhenAny(process.WaitForExitAsync(timeout.Token), seen.Task.WaitAsync(timeout.Token));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }

        lock (output)
        {
            lock (error)
            {
                return (process.ExitCode, output.ToString(), error.ToString());
            }
        }

        void Keep(System.Text.StringBuilder text, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (text)
            {
                text.AppendLine(line);
            }

            if (until is not null && line.Contains(until, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        }
    }
}
