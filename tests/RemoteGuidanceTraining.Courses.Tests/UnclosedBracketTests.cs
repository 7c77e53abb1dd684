using RemoteGuidanceTraining.Courses.Loading;

namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>The fallback scan that finds an unclosed bracket when YamlDotNet gives no position.</summary>
public sealed class UnclosedBracketTests
{
    [Theory]
    [InlineData("title: x\nitems:\n  - a\n  - [b\n  - c\n", 4, 5)]
    [InlineData("a: {x: [1, 2]\nb: 2\n", 1, 4)]
    [InlineData("a: \"[not a list\"\nb: [c\n", 2, 4)]
    [InlineData("a: text [in it]\nb: 'it''s [fine'\nc: [d # [comment\n", 3, 4)]
    [InlineData("a: |\n  [literal text\n  more\nb: [x\n", 4, 4)]
    public void Finds_the_first_bracket_left_open(string yaml, int line, int column)
    {
        var found = UnclosedBracket.Find(yaml);

        Assert.Equal((line, column), (found?.Line, found?.Column));
    }

    [Theory]
    [InlineData("a: [1, 2]\nb: {c: [d]}\n")]
    [InlineData("a: \"[x\"\nb: link [here\n")]
    [InlineData("a: >\n  [folded\nb: c # [x\n")]
    public void Finds_nothing_when_every_bracket_that_opens_a_list_is_closed(string yaml) =>
        Assert.Null(UnclosedBracket.Find(yaml));
}
