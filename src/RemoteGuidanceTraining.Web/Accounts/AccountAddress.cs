using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// What an address must be to belong to an account. The address is also the account's user name, so the forms that
/// take one for an account (registration, the address change, a cohort's list) check what Identity's user validator
/// will, and the person gets a message instead of a failure further on.
/// </summary>
public static class AccountAddress
{
    /// <summary>
    /// Identity's default user-name characters and the apostrophe (o'neil@…). Letters beyond a–z are refused: hardly
    /// any Finnish mail system gives out such addresses, and delivering to one needs SMTPUTF8 from every server on the way.
    /// </summary>
    public const string Characters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+'";

    public static bool HasOnlyAllowedCharacters(string address) => address.All(Characters.Contains);

    /// <summary>
    /// No dot at either end of the address or of its parts, and none doubled. Mail systems ignore a trailing dot
    /// ("pia@example.fi." reaches pia@example.fi), so such an address would be a second account for the same mailbox.
    /// </summary>
    public static bool HasDotsInPlace(string address) =>
        !(address.StartsWith('.') || address.EndsWith('.') || address.Contains("..", StringComparison.Ordinal)
          || address.Contains(".@", StringComparison.Ordinal) || address.Contains("@.", StringComparison.Ordinal));

    /// <summary>
    /// The part before the @ and each part of the domain within the lengths SMTP and DNS carry
    /// (<see cref="AccountLimits.EmailLocalPartLength"/>, <see cref="AccountLimits.EmailDomainLabelLength"/>). Such an
    /// address passes the 254-character total, yet no mail server takes it: the account's mail would never arrive.
    /// </summary>
    public static bool HasPartsWithinLimits(string address)
    {
        var at = address.LastIndexOf('@');
        var local = at < 0 ? address : address[..at];
        var domain = at < 0 ? "" : address[(at + 1)..];
        return local.Length <= AccountLimits.EmailLocalPartLength
            && domain.Split('.').All(label => label.Length <= AccountLimits.EmailDomainLabelLength);
    }

    /// <summary>
    /// What registration's form says of an address (its [EmailAddress], length and <see cref="AccountAddressCharactersAttribute"/>
    /// checks, in that order), for callers without a form such as the create-admin command; null when the address will do.
    /// </summary>
    public static string? Problem(string address, IStringLocalizer t) =>
        !new EmailAddressAttribute().IsValid(address) ? t["Validation.Email"].Value
        : address.Length > AccountLimits.EmailLength ? t["Validation.TooLong", t["Field.Email"], AccountLimits.EmailLength].Value
        : !HasOnlyAllowedCharacters(address) ? t["Validation.EmailCharacters"].Value
        : !HasDotsInPlace(address) ? t["Validation.EmailDots"].Value
        : !HasPartsWithinLimits(address) ? t["Validation.EmailParts"].Value
        : null;
}

/// <summary>
/// The property, if given, holds only <see cref="AccountAddress.Characters"/> (surrounding spaces aside), with its dots
/// in place (<see cref="AccountAddress.HasDotsInPlace"/>) and its parts not too long (<see cref="AccountAddress.HasPartsWithinLimits"/>). Its message
/// is the resource key in <c>ErrorMessage</c>, translated here: MVC translates only the attributes it has adapters for.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AccountAddressCharactersAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text)
        {
            return ValidationResult.Success;
        }

        var address = text.Trim();
        var key = !AccountAddress.HasOnlyAllowedCharacters(address) ? ErrorMessage ?? "Validation.EmailCharacters"
            : !AccountAddress.HasDotsInPlace(address) ? "Validation.EmailDots"
            : !AccountAddress.HasPartsWithinLimits(address) ? "Validation.EmailParts"
            : null;
        if (key is null)
        {
            return ValidationResult.Success;
        }

        var t = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer<SharedResource>;
        return new ValidationResult(t?[key] ?? key, validationContext.MemberName is { } member ? [member] : null);
    }
}
