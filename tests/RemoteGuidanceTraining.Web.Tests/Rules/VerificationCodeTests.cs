using RemoteGuidanceTraining.Web.Certificates;

namespace RemoteGuidanceTraining.Web.Tests.Rules;

/// <summary>What people type for a verification code, read back as the code it means.</summary>
public sealed class VerificationCodeTests
{
    [Theory]
    [InlineData("ABCD-EFGH-JKMN", "ABCD-EFGH-JKMN")]
    [InlineData("abcd efgh jkmn", "ABCD-EFGH-JKMN")]
    [InlineData("abcdefghjkmn", "ABCD-EFGH-JKMN")]
    [InlineData(" ab-cd-ef-gh-jk-mn ", "ABCD-EFGH-JKMN")]
    [InlineData("O0O0-IiLl-1234", "0000-1111-1234")] // O is read as zero, I and L as one
    [InlineData("ABC", "ABC")] // too short to group: left for the lookup to miss
    [InlineData("ABCD-EFGH-JKMN-P", "ABCDEFGHJKMNP")]
    [InlineData("", "")]
    public void A_typed_code_is_normalised(string typed, string expected) =>
        Assert.Equal(expected, VerificationCodes.Normalise(typed));

    [Fact]
    public void A_new_code_is_already_normal() =>
        Assert.All(Enumerable.Range(0, 50).Select(_ => VerificationCodes.New()), code => Assert.Equal(code, VerificationCodes.Normalise(code)));
}
