using RemoteGuidanceTraining.Web.Certificates.Pdf;
using SkiaSharp;

namespace RemoteGuidanceTraining.Web.Tests.Certificates;

public sealed class TextLayoutTests : IDisposable
{
    private readonly SKTypeface _serif = SKTypeface.FromFile(Path.Combine(AppContext.BaseDirectory, "Certificates", "Fonts", "NotoSerif-Regular.ttf"));
    private readonly SKFont _font;

    public TextLayoutTests() => _font = new SKFont(_serif, 14);

    public void Dispose()
    {
        _font.Dispose();
        _serif.Dispose();
    }

    [Fact]
    public void A_hyphenated_word_that_does_not_fit_breaks_after_its_hyphen()
    {
        var width = _font.MeasureText("Anna Väinämöinen-Lemminkäi");

        Assert.Equal(["Anna Väinämöinen-", "Lemminkäinen"], TextLayout.Wrap("Anna Väinämöinen-Lemminkäinen", _font, width));
    }

    [Fact]
    public void Evening_the_lines_out_never_cuts_a_word_that_fits_a_line()
    {
        const string name = "Wolfeschlegelsteinhausenbergerdorffvoralternwaren Maria Eveliina Josefiina";
        var width = _font.MeasureText("Wolfeschlegelsteinhausenbergerdorffvoralternwaren Maria") + 4;

        var (font, lines) = TextLayout.FitLines(name, _serif, 14, 14, width);
        using (font)
        {
            Assert.Contains("Wolfeschlegelsteinhausenbergerdorffvoralternwaren", lines[0]);
            Assert.Equal(name, string.Join(' ', lines));
        }
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_between_letters_and_nothing_is_lost()
    {
        var word = string.Concat(Enumerable.Repeat("Äijälä", 20));
        const float width = 200;

        var lines = TextLayout.Wrap("Anna " + word, _font, width);

        Assert.Equal("Anna", lines[0]);
        Assert.Equal(word, string.Concat(lines.Skip(1)));
        Assert.All(lines, line => Assert.True(_font.MeasureText(line) <= width, $"'{line}' is wider than the line"));
    }

    [Fact]
    public void A_text_wrapped_at_the_smallest_size_gets_lines_of_even_length()
    {
        var text = "Anna-Maria Eveliina Josefiina Wilhelmiina Ållonqvist-Äijälä-Öhman d'Artagnan O'Brien Väinämöinen";

        var (font, lines) = TextLayout.FitLines(text, _serif, 30, 14, 483);
        using (font)
        {
            Assert.Equal(14, font.Size);
            Assert.Equal(2, lines.Count);
            Assert.True(Math.Abs(font.MeasureText(lines[0]) - font.MeasureText(lines[1])) < 100, string.Join(" | ", lines));
        }
    }
}
