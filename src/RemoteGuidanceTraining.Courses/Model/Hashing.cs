using System.Security.Cryptography;
using System.Text;

namespace RemoteGuidanceTraining.Courses.Model;

internal static class Hashing
{
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
