using RemoteGuidanceTraining.Courses;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace RemoteGuidanceTraining.Web.Tests.Certificates;

public sealed class CertificatePdfRendererTests
{
    private static readonly CertificatePdfRenderer _renderer = new();

    /// <summary>As long as a name may be (<see cref="AccountLimits.NameLength"/>), with hyphens and apostrophes.</summary>
    private const string LongestName = "Anna-Maria Eveliina Josefiina Wilhelmiina Ållonqvist-Äijälä-Öhman d'Artagnan O'Brien " +
        "Väinämöinen-Lemminkäinen von Hertzen-Sjöström af Forselles-Kekkonen Hiltunen-Järvinen Pohjanpalo-Ahlqvist Lindqvist";

    public static CertificateContent Sample(string language = "fi", string name = "Äijälä Öystilä-Åkerblom") => new(
        language, name, "Etäohjauksen perusteet", 5m, 135,
        ["Osaat valita asiakkaalle sopivan ohjauskanavan.", "Tunnistat etäohjauksen saavutettavuuden edellytykset."],
        new DateOnly(2026, 11, 24), "Etäohjauksen koulutusverkosto (esimerkki)", "Maija Esimerkki", "koulutuspäällikkö",
        "RGT-2026-000123", "K7QX-M2PD-9WZA", "https://koulutus.example.fi/verify/K7QX-M2PD-9WZA", "2026.1");

    [Fact]
    public void The_text_reads_back_with_Finnish_letters_the_course_the_date_and_the_codes()
    {
        var text = TextOf(_renderer.Render(Sample()));

        Assert.Contains("TODISTUS", text);
        Assert.Contains("Äijälä Öystilä-Åkerblom", text);
        Assert.Contains("Etäohjauksen perusteet", text);
        Assert.Contains("5 op (135 h)", text);
        Assert.Contains("24.11.2026", text);
        Assert.Contains("K7QX-M2PD-9WZA", text);
        Assert.Contains("RGT-2026-000123", text);
        Assert.Contains("https://koulutus.example.fi/verify/K7QX-M2PD-9WZA", text);
        Assert.Contains("Maija Esimerkki", text);
        Assert.Contains("Etäohjauksen koulutusverkosto (esimerkki)", text);
    }

    [Fact]
    public void Sami_letters_render_and_read_back()
    {
        var text = TextOf(_renderer.Render(Sample(name: "Áilu Čeavččageađgi-Ŋuolla Šŧž")));

        Assert.Contains("Áilu Čeavččageađgi-Ŋuolla Šŧž", text);
    }

    [Theory]
    [InlineData("fi", "TODISTUS", "Suoritettu 24.11.2026")]
    [InlineData("sv", "INTYG", "Genomförd 24.11.2026")]
    [InlineData("en", "CERTIFICATE", "Completed on 24 November 2026")]
    public void The_certificate_speaks_the_course_language(string language, string heading, string completed)
    {
        var text = TextOf(_renderer.Render(Sample(language)));

        Assert.Contains(heading, text);
        Assert.Contains(completed, text);
    }

    [Fact]
    public void One_A4_page()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(Sample()));

        var page = Assert.Single(pdf.GetPages());
        Assert.Equal(595, page.Width, 0.5);
        Assert.Equal(842, page.Height, 0.5);
    }

    [Fact]
    public void A_long_name_and_many_long_outcomes_stay_on_the_page()
    {
        var outcomes = Enumerable.Range(1, 10).Select(i =>
            $"Osaamistavoite {i}: osaat suunnitella, toteuttaa ja arvioida monikanavaista etäohjausta yhteistyössä verkoston kanssa niin, että asiakkaan tarpeet ja saavutettavuus toteutuvat.").ToList();
        var content = Sample(name: "Anna-Kaarina Äijälä-Öystilä-Åkerblom von Hertzen-Väisänen") with { Outcomes = outcomes };

        using var pdf = PdfDocument.Open(_renderer.Render(content));

        var page = Assert.Single(pdf.GetPages());
        var words = page.GetWords().ToList();
        Assert.All(words, w => Assert.True(
            w.BoundingBox.Left >= 0 && w.BoundingBox.Right <= page.Width && w.BoundingBox.Bottom >= 0 && w.BoundingBox.Top <= page.Height,
            $"'{w.Text}' lies outside the page"));
        var text = string.Join(" ", words.Select(w => w.Text));
        Assert.Contains("Osaamistavoite 10:", text);
        Assert.Contains("Anna-Kaarina", text);
        Assert.Contains("K7QX-M2PD-9WZA", text);
    }

    [Fact]
    public void A_name_too_long_for_one_line_is_printed_whole_on_centred_lines_inside_the_margins_above_the_rest()
    {
        Assert.Equal(AccountLimits.NameLength, LongestName.Length);
        var bytes = _renderer.Render(Sample(name: LongestName));

        using var pdf = PdfDocument.Open(bytes);
        var page = Assert.Single(pdf.GetPages());
        var words = page.GetWords().ToList();
        Assert.All(words, w => Assert.True(w.BoundingBox.Left >= 56 - 0.5 && w.BoundingBox.Right <= page.Width - 56 + 0.5, $"'{w.Text}' crosses a margin"));
        var nameLines = NameWords(words).GroupBy(w => Math.Round(w.BoundingBox.Bottom)).ToList();
        Assert.True(nameLines.Count >= 2, "the name wraps");
        Assert.Equal(LongestName, string.Join(" ", NameWords(words).Select(w => w.Text)).Replace("- ", "-", StringComparison.Ordinal));
        Assert.All(nameLines, line => Assert.Equal(page.Width / 2, (line.Min(w => w.BoundingBox.Left) + line.Max(w => w.BoundingBox.Right)) / 2, 3.0));
        var hasCompleted = words.Single(w => w.Text == "suorittanut");
        var course = words.Single(w => w.Text == "perusteet");
        Assert.True(NameWords(words).Min(w => w.BoundingBox.Bottom) > hasCompleted.BoundingBox.Top, "the name ends above 'on suorittanut koulutuksen'");
        Assert.True(hasCompleted.BoundingBox.Bottom > course.BoundingBox.Top, "the course title follows below");
        Assert.True(bytes.Length < 100_000, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Outcomes_that_do_not_fit_above_the_signature_leave_no_bullet_behind()
    {
        var outcomes = Enumerable.Range(1, 10).Select(i =>
            $"Osaamistavoite {i}: osaat suunnitella, toteuttaa ja arvioida monikanavaista etäohjausta yhteistyössä verkoston kanssa niin, että asiakkaan tarpeet ja saavutettavuus toteutuvat.").ToList();
        var content = Sample(name: LongestName) with { CourseTitle = string.Join(" ", Enumerable.Repeat("Etäohjauksen perusteet ja monikanavainen ohjaus", 4)), Outcomes = outcomes };

        using var pdf = PdfDocument.Open(_renderer.Render(content));

        var words = Assert.Single(pdf.GetPages()).GetWords().ToList();
        Assert.All(words.Where(w => w.Text == "•"), bullet => Assert.Contains(words, w =>
            w.Text.StartsWith("Osaamistavoite", StringComparison.Ordinal) && Math.Abs(w.Letters[0].StartBaseLine.Y - bullet.Letters[0].StartBaseLine.Y) < 0.5));
    }

    [Fact]
    public void The_most_outcomes_a_course_may_have_all_print_beside_the_longest_name_and_title()
    {
        // The course engine's limits (ContentLimits.MaxOutcomes, MaxOutcomesLength) are what guarantees this page.
        var each = ContentLimits.MaxOutcomesLength / ContentLimits.MaxOutcomes;
        var outcomes = Enumerable.Range(1, ContentLimits.MaxOutcomes)
            .Select(i => (Start: $"Tavoite{i} ", End: $" loppu{i}"))
            .Select(o => o.Start + string.Concat(Enumerable.Repeat("osaat ohjata etänä verkostossa ", 20))[..(each - o.Start.Length - o.End.Length)] + o.End)
            .ToList();
        Assert.InRange(outcomes.Sum(o => o.Length), ContentLimits.MaxOutcomesLength - 30, ContentLimits.MaxOutcomesLength);
        var title = string.Concat(Enumerable.Repeat("Etäohjauksen perusteet ja monikanavainen ohjaus ", 5))[..ContentLimits.MaxTitleLength];
        var content = Sample(name: LongestName) with { CourseTitle = title, Outcomes = outcomes };

        var text = TextOf(_renderer.Render(content));

        Assert.All(Enumerable.Range(1, ContentLimits.MaxOutcomes), i => Assert.Contains($"loppu{i}", text));
    }

    [Fact]
    public void Characters_the_fonts_cannot_draw_are_left_out_not_printed_as_boxes()
    {
        // The last is a joiner sequence (woman student): the joiner has a glyph, the emoji do not.
        var content = Sample(name: "Anna 🙂 Virtanen 👩\u200D🎓") with { CourseTitle = "Etäohjaus 🚀 tutuksi" };

        using var pdf = PdfDocument.Open(_renderer.Render(content));

        var page = Assert.Single(pdf.GetPages());
        Assert.DoesNotContain(page.Letters, l => l.Value == "\0"); // the font's missing-glyph box
        var words = page.GetWords().ToList();
        Assert.Equal("Anna Virtanen", string.Join(" ", NameWords(words).Select(w => w.Text)));
        Assert.Contains("Etäohjaus tutuksi", string.Join(" ", words.Select(w => w.Text)));
    }

    [Fact]
    public void Letters_typed_with_combining_marks_are_printed_as_the_letters_they_make()
    {
        // "Äijälä Öystilä" as a base letter followed by a combining diaeresis (U+0308), as copied text can have it.
        var decomposed = "A\u0308ija\u0308la\u0308 O\u0308ystila\u0308";

        using var pdf = PdfDocument.Open(_renderer.Render(Sample(name: decomposed)));

        var words = Assert.Single(pdf.GetPages()).GetWords().ToList();
        Assert.Equal("Äijälä Öystilä", string.Join(" ", NameWords(words).Select(w => w.Text)));
    }

    [Fact]
    public void The_same_content_gives_the_same_bytes()
    {
        Assert.Equal(_renderer.Render(Sample()), _renderer.Render(Sample()));
    }

    [Fact]
    public void The_QR_code_encodes_the_verification_url()
    {
        var matrix = QrCodeMatrix.For(Sample().VerificationUrl);

        Assert.True(matrix.GetLength(0) > 20);
        Assert.False(matrix[0, 0], "a quiet zone surrounds the code");
        Assert.True(matrix[4, 4] && matrix[10, 4] && matrix[4, 10], "finder pattern inside the quiet zone");
    }

    /// <summary>The words set in the name's typeface (only the name is in Noto Serif), in reading order.</summary>
    private static IEnumerable<Word> NameWords(IEnumerable<Word> words) =>
        words.Where(w => w.FontName?.Contains("Serif", StringComparison.Ordinal) == true);

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
