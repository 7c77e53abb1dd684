using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Email;

public sealed class SmtpTransportTests
{
    [Fact]
    public async Task Messages_share_a_connection_and_a_dropped_connection_is_reopened_for_the_next_message()
    {
        using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        var options = Options.Create(new MailOptions { Transport = "Smtp", Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None } });
        using var transport = new SmtpTransport(options, NullLogger<SmtpTransport>.Instance);

        await transport.SendAsync(Message("first"), CancellationToken.None);
        await transport.SendAsync(Message("second"), CancellationToken.None);
        await smtp.StopAsync(); // the kept-open connection dies with the server
        await smtp.StartAsync();
        await transport.SendAsync(Message("third"), CancellationToken.None);

        var received = await smtp.WaitForMessagesAsync(3);
        Assert.Equal(["first@test", "second@test", "third@test"], received.Select(m => m.MessageId).Order());
    }

    private static MimeMessage Message(string id)
    {
        var message = new MimeMessage { MessageId = id + "@test", Subject = id, Body = new TextPart("plain") { Text = id } };
        message.From.Add(new MailboxAddress("Sender", "sender@example.fi"));
        message.To.Add(new MailboxAddress("Receiver", "receiver@example.fi"));
        return message;
    }
}
