using System.Diagnostics;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// tests/run.sh ends with "N passed, N failed, N skipped", as the README says and CI reads, also when it stops early
/// (tools that cannot be installed, a failed build, no PostgreSQL): those printed "0 passed, 1 failed".
/// </summary>
public sealed class TestScriptTests
{
    /// <summary>run.sh is a bash script for Debian and CI; the fakes need the executable bit.</summary>
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_run_that_stops_before_the_tests_ends_with_the_same_summary_line()
    {
        using var fakes = new TempFolder();
        // A build that fails, and no way to install anything: the script stops early without touching the machine.
        foreach (var command in new[] { "dotnet", "apt-get", "sudo" })
        {
            var path = Path.Combine(fakes.Path, command);
            await File.WriteAllTextAsync(path, "#!/bin/sh\nexit 1\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "tests", "run.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{fakes.Path}:{Environment.GetEnvironmentVariable("PATH")}";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        await error;

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("0 passed, 1 failed, 0 skipped", output.TrimEnd().Split('\n')[^1]);
    }
}
