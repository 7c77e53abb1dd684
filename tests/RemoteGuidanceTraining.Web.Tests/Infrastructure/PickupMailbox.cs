using System.Text.RegularExpressions;
using MimeKit;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>Reads the .eml files the site wrote to its pickup folder, as a person reads an inbox.</summary>
public sealed partial class PickupMailbox(string folder)
{
    public IReadOnlyList<MimeMessage> All() =>
        !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(path => MimeMessage.Load(path)).ToList();

    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits for the newest message to an address (mail may be written after the response).</summary>
    public Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? match = null, int timeoutMs = 10_000) =>
        Eventually.ValueAsync(() => Task.FromResult(To(address).LastOrDefault(m => match?.Invoke(m) ?? true)), $"a mail to {address} in {folder}", timeoutMs);

    /// <summary>The first link in the plain-text body whose path contains the fragment.</summary>
    public static string LinkIn(MimeMessage message, string pathFragment) =>
        LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value)
            .FirstOrDefault(url => url.Contains(pathFragment, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No link containing '{pathFragment}' in: {message.TextBody}");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
