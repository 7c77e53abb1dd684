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
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? match = null, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var found = To(address).LastOrDefault(m => match?.Invoke(m) ?? true);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail to {address} in {folder} within {timeoutMs} ms.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The first link in the plain-text body whose path contains the fragment.</summary>
    public static string LinkIn(MimeMessage message, string pathFragment) =>
        LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value)
            .FirstOrDefault(url => url.Contains(pathFragment, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No link containing '{pathFragment}' in: {message.TextBody}");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
