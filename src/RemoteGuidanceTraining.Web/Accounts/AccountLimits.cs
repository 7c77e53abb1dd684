namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>The lengths account forms accept, in one place: the forms, Identity's options and the columns agree.</summary>
public static class AccountLimits
{
    /// <summary>The longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets).</summary>
    public const int EmailLength = 254;

    /// <summary>The longest part before the @ that SMTP carries (RFC 5321 4.5.3.1.1).</summary>
    public const int EmailLocalPartLength = 64;

    /// <summary>The longest part of a domain name between its dots (RFC 1035 2.3.4, RFC 5321 4.5.3.1.2).</summary>
    public const int EmailDomainLabelLength = 63;

    /// <summary>A person's or an organisation's name (the AppUser columns are this long).</summary>
    public const int NameLength = 200;

    /// <summary>Length over character classes (NIST SP 800-63B): easier to remember, harder to guess.</summary>
    public const int PasswordMinLength = 10;

    /// <summary>Long enough for any passphrase, short enough that hashing it costs nothing unusual.</summary>
    public const int PasswordMaxLength = 200;
}
