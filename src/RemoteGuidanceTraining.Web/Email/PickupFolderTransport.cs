using MimeKit;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>
/// Writes each message as an .eml file named after its Message-Id, so a retry of the same message replaces the
/// file instead of adding a second one. Written under a temporary name and renamed: a reader never sees half a message.
/// The same name lets account deletion and retention find a message's file from its outbox row.
/// </summary>
public sealed class PickupFolderTransport(string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = FileNameOf(message.MessageId ?? Guid.NewGuid().ToString("N"));
        var temporary = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(Folder, name + ".eml"), overwrite: true);
    }

    public Task ForgetAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return Task.CompletedTask;
        }

        foreach (var id in messageIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = FileNameOf(id);
            // A send cut off midway leaves the temporary file: it holds the same message.
            File.Delete(Path.Combine(Folder, name + ".eml"));
            File.Delete(Path.Combine(Folder, name + ".tmp"));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The file name (without extension) of a message: its Message-Id with every character that a file system might
    /// not take replaced. The outbox row and the header carry the id without angle brackets; a bracketed one maps
    /// to the same name.
    /// </summary>
    private static string FileNameOf(string messageId) =>
        string.Concat(messageId.Trim().TrimStart('<').TrimEnd('>').Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
}
