using System.Security.Cryptography;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>
/// 60 random bits in Crockford's base-32 alphabet (no I, L, O, U), grouped as XXXX-XXXX-XXXX: unguessable,
/// and easy to read out on the phone or type from paper.
/// </summary>
public static class VerificationCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>Accepts what people type: lower case, spaces, missing dashes, O for 0 and I/L for 1.</summary>
    public static string Normalise(string typed)
    {
        var chars = typed.ToUpperInvariant().Where(char.IsLetterOrDigit)
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray();
        return chars.Length == 12 ? $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}" : new string(chars);
    }
}
