namespace RemoteGuidanceTraining.Web.Email;

/// <summary>
/// A mail waiting to go out, stored in the same transaction as the change it announces.
/// The whole MIME message is kept, so a retry sends exactly the same bytes with the same Message-Id.
/// </summary>
public class OutboxMessage
{
    /// <summary>How much of a failure's message is kept: enough to see the cause, never a whole server transcript.</summary>
    public const int LastErrorMaxLength = 2000;

    /// <summary>Subjects that name a course hold its title, which the course engine keeps to 200 characters.</summary>
    public const int SubjectMaxLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The Message-Id header; receivers can drop a duplicate if a crash made us send twice.</summary>
    public string MessageId { get; set; } = "";

    public string ToAddress { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>What the mail is about, e.g. "account" or "certificate"; reports filter on it.</summary>
    public string Category { get; set; } = "";

    /// <summary>The record the mail is about ("certificate", "task-answer", ...), so its status is found by link, not by address.</summary>
    public string? SubjectType { get; set; }

    public string? SubjectId { get; set; }

    public byte[] Mime { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>
    /// While in the future, one dispatcher has claimed the message and is sending it; no other instance touches it.
    /// A crashed instance's claim simply runs out and the message is due again (see <see cref="OutboxClaims"/>).
    /// </summary>
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>Set after the last retry failed; a person has to look at it.</summary>
    public DateTime? FailedAtUtc { get; set; }

    public OutboxStatus Status => SentAtUtc is not null ? OutboxStatus.Sent : FailedAtUtc is not null ? OutboxStatus.Failed : OutboxStatus.Waiting;
}

public enum OutboxStatus
{
    Waiting,
    Sent,
    Failed,
}
