using MimeKit;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>
/// Writes each message as an .eml file named after its Message-Id, so a retry of the same message replaces the
/// file instead of adding a second one. Written under a temporary name and renamed: a reader never sees half a message.
/// </summary>
public sealed class PickupFolderTransport(string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        var temporary = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(Folder, name + ".eml"), overwrite: true);
    }
}
