namespace RemoteGuidanceTraining.Web.Email;

/// <summary>What a feature wants to say to one person; <see cref="AppMailer"/> turns it into a MIME message.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody);
