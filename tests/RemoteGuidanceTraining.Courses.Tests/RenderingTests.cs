using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Tests;

public sealed class RenderingTests : IDisposable
{
    private readonly CourseFolder _folder = new CourseFolder().WithValidCourse();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Ordinary_markdown_renders_with_tables_callouts_footnotes_and_safe_external_links()
    {
        var html = Render("""
            ## Kanavat

            | Kanava | Sopii |
            |---|---|
            | Chat | nopeat kysymykset |

            > [!WARNING]
            > Älä kirjoita henkilötunnusta chattiin.

            Väite.[^1] Lisää [Cedefop](https://www.cedefop.europa.eu/).

            [^1]: Lähde.
            """);

        Assert.Contains("<h2 id=\"kanavat\">Kanavat</h2>", html);
        Assert.Contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Taulukko 1\"><table>", html);
        Assert.Contains("markdown-alert-warning", html);
        Assert.Contains("Varoitus", html);
        Assert.Contains("class=\"footnotes\"", html);
        Assert.Contains("rel=\"noopener noreferrer\"", html);
    }

    [Fact]
    public void Raw_html_is_sanitised()
    {
        var html = Render("""
            Teksti <script>alert('x')</script> ja <img src="https://example.org/x.png" alt="" onerror="alert(1)"> sekä <a href="javascript:alert(1)">linkki</a>.

            <div style="position:fixed" onclick="steal()">laatikko</div>
            """);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("position:fixed", html);
        Assert.Contains("laatikko", html);
    }

    [Fact]
    public void Relative_images_and_lesson_links_are_rewritten_to_site_urls()
    {
        _folder.Write("kurssi/01-alku/kuvat/kaavio.png", "png");
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n![Kaavio](kuvat/kaavio.png) ja [edellinen](01-eka.md#alkuun).\n");

        var lesson = CourseLoader.Load(_folder.Root).Courses.Single().FindLesson("toka")!;

        Assert.Contains("src=\"/courses/kurssi/media/01-alku/kuvat/kaavio.png\"", lesson.Html);
        Assert.Contains("href=\"/courses/kurssi/alku/eka#alkuun\"", lesson.Html);
    }

    [Fact]
    public void Quizzes_and_tasks_become_placeholders_and_model_objects()
    {
        var lesson = CourseLoader.Load(_folder.Root).Courses.Single().Lessons.Single();

        Assert.Contains("<div class=\"rgt-quiz\" data-quiz-id=\"visa\"></div>", lesson.Html);
        Assert.Contains("<div class=\"rgt-task\" data-task-id=\"tehtava\"></div>", lesson.Html);
        Assert.DoesNotContain(":::", lesson.Html);
        var question = lesson.Quizzes.Single().Questions.Single();
        Assert.Equal(QuestionType.Single, question.Type);
        Assert.Equal(["Väärä", "Oikea"], question.Options.Select(o => o.Html));
        Assert.Equal("b", question.Options.Single(o => o.IsCorrect).Id);
        Assert.Contains("Koska oikea on oikein.", question.ExplanationHtml);
        Assert.Equal(50, lesson.Tasks.Single().MinLength);
        Assert.Equal(75, lesson.Quizzes.Single().PassMark);
    }

    [Fact]
    public void Multiple_choice_and_text_questions_are_recognised()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", """
            ---
            title: Toka
            ---

            :::: quiz toinen pass=60
            ::: question monta
            Mitkä ovat synkronisia?

            - [x] Video
            - [x] Puhelin
            - [ ] Sähköposti

            Video ja puhelin ovat reaaliaikaisia.
            :::

            ::: question nimi type=text
            Tunnistautumispalvelun nimi?

            - [x] Suomi.fi
            - [x] Suomi.fi-tunnistus

            Suomi.fi-tunnistus.
            :::
            ::::
            """);

        var quiz = CourseLoader.Load(_folder.Root).Courses.Single().Quizzes.Single(q => q.Id == "toinen");

        Assert.Equal(60, quiz.PassMark);
        Assert.Equal(QuestionType.Multiple, quiz.Questions[0].Type);
        Assert.Equal(QuestionType.Text, quiz.Questions[1].Type);
        Assert.Equal(["Suomi.fi", "Suomi.fi-tunnistus"], quiz.Questions[1].AcceptedAnswers);
        Assert.Empty(quiz.Questions[1].Options);
    }

    [Fact]
    public void Changing_the_correct_answer_changes_the_question_hash_but_a_title_change_does_not()
    {
        var before = Question();
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("title: Ensimmäinen oppitunti", "title: Uusi nimi", StringComparison.Ordinal));
        var renamed = Question();
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("- [ ] Väärä\n- [x] Oikea", "- [x] Väärä\n- [ ] Oikea", StringComparison.Ordinal));
        var changed = Question();

        Assert.Equal(before.ContentHash, renamed.ContentHash);
        Assert.NotEqual(before.ContentHash, changed.ContentHash);
    }

    [Fact]
    public void Ids_come_from_file_names_without_the_number_and_survive_reordering()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\nTekstiä.\n");
        var first = CourseLoader.Load(_folder.Root).Courses.Single().Lessons.Select(l => l.Id).ToList();
        File.Move(_folder.PathOf("kurssi/01-alku/02-toka.md"), _folder.PathOf("kurssi/01-alku/00-toka.md"));

        var reordered = CourseLoader.Load(_folder.Root).Courses.Single().Lessons.Select(l => l.Id).ToList();

        Assert.Equal(["eka", "toka"], first);
        Assert.Equal(["toka", "eka"], reordered);
    }

    private Question Question() => CourseLoader.Load(_folder.Root).Courses.Single().Quizzes.Single().Questions.Single();

    private string Render(string body)
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n" + body);
        var catalog = CourseLoader.Load(_folder.Root);
        Assert.Empty(catalog.Problems);
        return catalog.Courses.Single().FindLesson("toka")!.Html;
    }
}
