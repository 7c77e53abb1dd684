namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// What the editor's insert buttons put at the cursor: the course format's building blocks (courses/README.md), in
/// the course's language (fi, sv or en; any other gets fi) since the placeholders become course text and ids.
/// </summary>
public static class EditorSnippets
{
    private static readonly IReadOnlyList<(string Key, string Text)> _finnish =
    [
        ("Quiz", "\n:::: quiz uusi-visa\n::: question kysymys-1\nKysymys?\n\n- [ ] Väärä vaihtoehto\n- [x] Oikea vaihtoehto\n\nPerustelu, joka näytetään vastaamisen jälkeen.\n:::\n::::\n"),
        ("Question", "\n::: question uusi-kysymys\nKysymys?\n\n- [ ] Väärä vaihtoehto\n- [x] Oikea vaihtoehto\n\nPerustelu.\n:::\n"),
        ("Task", "\n:::: task uusi-tehtava minlength=1200 hours=1 title=\"Tehtävän nimi\"\nOhje: mitä osallistuja tekee omassa työssään?\n\n::: rubric\n- Ensimmäinen kriteeri.\n- Toinen kriteeri.\n- Kolmas kriteeri.\n:::\n::::\n"),
        ("Callout", "\n> [!NOTE]\n> Huomio.\n"),
        ("Image", "![Kuvaava vaihtoehtoinen teksti](kuva.png)"),
        ("Link", "[toinen oppitunti](01-oppitunti.md)"),
    ];

    private static readonly IReadOnlyList<(string Key, string Text)> _swedish =
    [
        ("Quiz", "\n:::: quiz nytt-quiz\n::: question fraga-1\nFråga?\n\n- [ ] Fel alternativ\n- [x] Rätt alternativ\n\nMotivering som visas efter svaret.\n:::\n::::\n"),
        ("Question", "\n::: question ny-fraga\nFråga?\n\n- [ ] Fel alternativ\n- [x] Rätt alternativ\n\nMotivering.\n:::\n"),
        ("Task", "\n:::: task ny-uppgift minlength=1200 hours=1 title=\"Uppgiftens namn\"\nInstruktion: vad gör deltagaren i sitt eget arbete?\n\n::: rubric\n- Första kriteriet.\n- Andra kriteriet.\n- Tredje kriteriet.\n:::\n::::\n"),
        ("Callout", "\n> [!NOTE]\n> Observera.\n"),
        ("Image", "![Beskrivande alternativ text](bild.png)"),
        ("Link", "[en annan lektion](01-lektion.md)"),
    ];

    private static readonly IReadOnlyList<(string Key, string Text)> _english =
    [
        ("Quiz", "\n:::: quiz new-quiz\n::: question question-1\nQuestion?\n\n- [ ] Wrong option\n- [x] Right option\n\nExplanation shown after answering.\n:::\n::::\n"),
        ("Question", "\n::: question new-question\nQuestion?\n\n- [ ] Wrong option\n- [x] Right option\n\nExplanation.\n:::\n"),
        ("Task", "\n:::: task new-task minlength=1200 hours=1 title=\"Task name\"\nInstructions: what does the participant do in their own work?\n\n::: rubric\n- First criterion.\n- Second criterion.\n- Third criterion.\n:::\n::::\n"),
        ("Callout", "\n> [!NOTE]\n> Note.\n"),
        ("Image", "![Descriptive alternative text](image.png)"),
        ("Link", "[another lesson](01-lesson.md)"),
    ];

    public static IReadOnlyList<(string Key, string Text)> For(string? language) => Localization.Cultures.SpokenOrDefault(language?.ToLowerInvariant()) switch
    {
        "sv" => _swedish,
        "en" => _english,
        _ => _finnish,
    };

    /// <summary>
    /// The Markdown that shows an uploaded image, or links an attachment, from a lesson beside it. Its alt text is
    /// course content like the Image button's, so it is in the course's language, not the trainer's interface's.
    /// </summary>
    public static string UploadMarkdown(string? language, string fileName, bool isImage) =>
        isImage ? $"![{ImageAlt(language)}]({fileName})" : $"[{fileName}]({fileName})";

    private static string ImageAlt(string? language) => Localization.Cultures.SpokenOrDefault(language?.ToLowerInvariant()) switch
    {
        "sv" => "Beskriv bilden här",
        "en" => "Describe the image here",
        _ => "Kuvaile kuva tähän",
    };
}
