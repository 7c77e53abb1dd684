namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>
/// A fixture courses folder written to a temporary directory: a valid course to start from, which a test then
/// breaks in exactly one place, so the expected file:line is visible in the test itself.
/// </summary>
public sealed class CourseFolder : IDisposable
{
    public const string ValidCourseYml = """
        title: Testikurssi
        summary: Lyhyt kuvaus.
        language: fi
        credits: 2.5
        hours: 60
        version: "2026.1"
        pass_mark: 75
        outcomes:
          - Osaat jotain.
        issuer: Testiorganisaatio
        signatory:
          name: Testi Allekirjoittaja
          title: rehtori
        sources:
          - "Lähde 2024. *Kirja*."
        """;

    public const string ValidLesson = """
        ---
        title: Ensimmäinen oppitunti
        minutes: 15
        ---

        ## Alkuun

        Tekstiä ja [linkki](https://example.org/sivu).

        > [!TIP]
        > Vinkki.

        :::: quiz visa
        ::: question kysymys-1
        Kumpi?

        - [ ] Väärä
        - [x] Oikea

        Koska oikea on oikein.
        :::
        ::::

        ::: task tehtava minlength=50
        Kirjoita omasta työstäsi.
        :::
        """;

    public CourseFolder()
    {
        Root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rgt-course-tests", Guid.NewGuid().ToString("N"))).FullName;
    }

    public string Root { get; }

    /// <summary>Writes a complete valid course with one module and one lesson.</summary>
    public CourseFolder WithValidCourse(string id = "kurssi")
    {
        Write($"{id}/course.yml", ValidCourseYml);
        Write($"{id}/01-alku/module.yml", "title: Alku\nobjectives:\n  - Tavoite.\n");
        Write($"{id}/01-alku/01-eka.md", ValidLesson);
        return this;
    }

    public CourseFolder Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The watcher test may still hold a handle for a moment.
        }
    }
}
