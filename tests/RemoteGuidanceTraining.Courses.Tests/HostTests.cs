using Microsoft.Extensions.Time.Testing;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>What the host hands the engine (its routes and clock), and the lesson cut at its quizzes and tasks.</summary>
public sealed class HostTests : IDisposable
{
    private readonly CourseFolder _folder = new CourseFolder().WithValidCourse();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Lesson_and_media_links_follow_the_hosts_templates()
    {
        _folder.Write("kurssi/01-alku/kuvat/iso kaavio.png", "png");
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n![Kaavio](kuvat/iso%20kaavio.png) ja [edellinen](01-eka.md#alkuun).\n");
        var host = new CourseHost(new CourseUrls("/k/{courseId}/{moduleId}/{lessonId}", "/tiedostot/{courseId}/{path}"), TimeProvider.System);

        var lesson = CourseLoader.Load(_folder.Root, host).Courses.Single().FindLesson("toka")!;

        Assert.Contains("src=\"/tiedostot/kurssi/01-alku/kuvat/iso%20kaavio.png\"", lesson.Html);
        Assert.Contains("href=\"/k/kurssi/alku/eka#alkuun\"", lesson.Html);
        Assert.DoesNotContain("/courses/", lesson.Html);
    }

    [Fact]
    public void The_catalog_is_stamped_with_the_hosts_clock()
    {
        var then = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var catalog = CourseLoader.Load(_folder.Root, new CourseHost(CourseUrls.Standalone, new FakeTimeProvider(then)));
        Assert.Equal(then.UtcDateTime, catalog.LoadedAtUtc);
    }

    [Fact]
    public void A_lesson_is_cut_at_its_quizzes_and_tasks_in_reading_order()
    {
        var lesson = CourseLoader.Load(_folder.Root).Courses.Single().Lessons.Single();

        var segments = lesson.Segments;

        Assert.Equal(["html", "quiz:visa", "html", "task:tehtava", "html"],
            segments.Select(s => s.Quiz is { } q ? "quiz:" + q.Id : s.Task is { } t ? "task:" + t.Id : "html"));
        Assert.Same(lesson.Quizzes.Single(), segments[1].Quiz);
        Assert.Contains("<h2 id=\"alkuun\">Alkuun</h2>", segments[0].Html);
        // Put back together with the placeholders, the pieces are the rendered lesson to the letter.
        var joined = string.Concat(segments.Select(s => s.Html
            ?? (s.Quiz is { } q ? $"<div class=\"rgt-quiz\" data-quiz-id=\"{q.Id}\"></div>" : $"<div class=\"rgt-task\" data-task-id=\"{s.Task!.Id}\"></div>")));
        Assert.Equal(lesson.Html, joined);
    }

    [Fact]
    public void A_lesson_made_by_hand_is_one_piece_of_html()
    {
        var lesson = new Lesson("eka", "alku", "Eka", 5, "<p>Teksti</p>", [], [], "eka.md", 1);
        Assert.Equal("<p>Teksti</p>", Assert.Single(lesson.Segments).Html);
    }
}
