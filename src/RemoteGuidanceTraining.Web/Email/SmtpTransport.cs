using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>
/// Sends through an SMTP server with MailKit over one kept-open connection: the dispatcher's messages follow each
/// other, so a batch goes over one connection (MailKit pipelines MAIL FROM, RCPT TO and DATA when the server
/// offers PIPELINING) instead of paying a connect, TLS handshake and login per message. The connection closes after
/// a few idle seconds. When it turns out broken (the server dropped it, a network error), the message is sent once
/// more over a fresh connection; a message the server refuses fails alone and the connection stays in use.
/// Delivery stays at least once: a message whose "accepted" reply was lost is sent again with its same Message-Id.
/// </summary>
public sealed partial class SmtpTransport(IOptions<MailOptions> options, ILogger<SmtpTransport> logger) : IMailTransport, IDisposable
{
    private static readonly TimeSpan _idle = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;
    private Timer? _idleTimer;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _idleTimer?.Change(Timeout.Infinite, Timeout.Infinite);
            var reused = _client is { IsConnected: true };
            try
            {
                await SendOnceAsync(message, cancellationToken);
            }
            catch (Exception error) when (reused && IsConnectionProblem(error))
            {
                // A kept-open connection can go stale between batches: one more try on a fresh one.
                LogReconnecting(error, message.MessageId);
                Drop();
                await SendOnceAsync(message, cancellationToken);
            }
            catch (Exception error) when (IsConnectionProblem(error))
            {
                Drop();
                throw;
            }
        }
        finally
        {
            _idleTimer ??= new Timer(_ => CloseIfIdle());
            _idleTimer.Change(_idle, Timeout.InfiniteTimeSpan);
            _gate.Release();
        }
    }

    /// <summary>Keeps no copy: what the server accepted is the server's and the recipients'.</summary>
    public Task ForgetAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _idleTimer?.Dispose();
        Drop();
        _gate.Dispose();
    }

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var client = await ConnectedAsync(cancellationToken);
        await client.SendAsync(message, cancellationToken);
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open)
        {
            return open;
        }

        Drop();
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SecurityOf(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        return client;
    }

    // Refusals of one message (SmtpCommandException: a bad recipient, a too large message) leave the connection usable.
    private static bool IsConnectionProblem(Exception error) =>
        error is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException;

    private void CloseIfIdle()
    {
        if (!_gate.Wait(0))
        {
            return; // a send is running; it re-arms the timer when done
        }

        try
        {
            if (_client is { IsConnected: true } client)
            {
                try
                {
                    client.Disconnect(quit: true);
                }
                catch (Exception error) when (IsConnectionProblem(error) || error is SmtpCommandException)
                {
                    // Closing a connection the server already dropped.
                }
            }

            Drop();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The SMTP connection broke; reconnecting to send {MessageId}.")]
    private partial void LogReconnecting(Exception error, string? messageId);

    private static SecureSocketOptions SecurityOf(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => throw new InvalidOperationException($"Mail:Smtp:Security '{security}' is not one of StartTls, SslOnConnect, Auto, None."),
    };
}
