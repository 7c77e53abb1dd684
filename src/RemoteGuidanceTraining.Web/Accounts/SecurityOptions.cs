using System.ComponentModel.DataAnnotations;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>Settings under "Security": how hard password guessing is made. Out-of-range values stop the start.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Wrong passwords in a row before an account is locked for 15 minutes.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>Sign-in, reset and resend posts per client address per minute; the verify page allows six times as many.</summary>
    [Range(1, 100_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// The least time, in milliseconds, a sign-in, registration, password-reset or resend post takes, so that how long
    /// it took does not tell whether the address has an account (<see cref="Security.EvenResponseTimeAttribute"/>).
    /// Comfortably above the slowest branch (hashing a password and queueing a mail) on a loaded server.
    /// </summary>
    [Range(0, 10_000)]
    public int EvenResponseMilliseconds { get; set; } = 600;

    public TimeSpan EvenResponseTime => TimeSpan.FromMilliseconds(EvenResponseMilliseconds);
}
