namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>What the editor's insert buttons put at the cursor: the course format's building blocks (courses/README.md).</summary>
public static class EditorSnippets
{
    public static readonly IReadOnlyList<(string Key, string Text)> All =
    [
        ("Quiz", "\n:::: quiz uusi-visa\n::: question kysymys-1\nKysymys?\n\n- [ ] Väärä vaihtoehto\n- [x] Oikea vaihtoehto\n\nPerustelu, joka näytetään vastaamisen jälkeen.\n:::\n::::\n"),
        ("Question", "\n::: question uusi-kysymys\nKysymys?\n\n- [ ] Väärä vaihtoehto\n- [x] Oikea vaihtoehto\n\nPerustelu.\n:::\n"),
        ("Task", "\n:::: task uusi-tehtava minlength=1200 hours=1 title=\"Tehtävän nimi\"\nOhje: mitä osallistuja tekee omassa työssään?\n\n::: rubric\n- Ensimmäinen kriteeri.\n- Toinen kriteeri.\n- Kolmas kriteeri.\n:::\n::::\n"),
        ("Callout", "\n> [!NOTE]\n> Huomio.\n"),
        ("Image", "![Kuvaava vaihtoehtoinen teksti](kuva.png)"),
        ("Link", "[toinen oppitunti](01-oppitunti.md)"),
    ];
}
