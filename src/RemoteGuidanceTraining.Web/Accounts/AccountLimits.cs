namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>The lengths account forms accept, in one place: the forms, Identity's options and the columns agree.</summary>
public static class AccountLimits
{
    /// <summary>The longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets).</summary>
    public const int EmailLength = 254;

    /// <summary>A person's or an organisation's name (the AppUser columns are this long).</summary>
    public const int NameLength = 200;

    /// <summary>Length over character classes (NIST SP 800-63B): easier to remember, harder to guess.</summary>
    public const int PasswordMinLength = 10;

    /// <summary>Long enough for any passphrase, short enough that hashing it costs nothing unusual.</summary>
    public const int PasswordMaxLength = 200;
}
