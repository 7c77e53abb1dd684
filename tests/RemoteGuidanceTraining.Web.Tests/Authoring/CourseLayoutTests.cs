using RemoteGuidanceTraining.Web.Authoring;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>The renames a move plans: prefixes renumbered 01, 02, … in the new order, names (ids) untouched.</summary>
public sealed class CourseLayoutTests : IDisposable
{
    private readonly TempFolder _course = new();

    public CourseLayoutTests()
    {
        foreach (var file in new[] { "1-alku/01-a.md", "1-alku/05-b.md", "1-alku/kuva.png", "03-keski/01-c.md", "10-loppu/01-d.md", "muut/01-x.md" })
        {
            var path = Path.Combine(_course.Path, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x");
        }
    }

    public void Dispose() => _course.Dispose();

    [Fact]
    public void Modules_are_ordered_by_number_not_by_text_and_unnumbered_folders_stay_out()
    {
        Assert.Equal(["1-alku", "03-keski", "10-loppu"], CourseLayout.Modules(_course.Path));
        Assert.Equal(["1-alku/01-a.md", "1-alku/05-b.md"], CourseLayout.Lessons(_course.Path, "1-alku"));
    }

    [Fact]
    public void Moving_a_module_up_swaps_it_with_the_one_before_and_renumbers_all()
    {
        var renames = CourseLayout.MoveModule(_course.Path, "10-loppu", MoveDirection.Up);

        // 1-alku, 10-loppu, 03-keski → 01-alku, 02-loppu, 03-keski (unchanged, so not renamed).
        Assert.Equal([new Rename("1-alku", "01-alku"), new Rename("10-loppu", "02-loppu")],
            renames.OrderBy(r => r.From, StringComparer.Ordinal));
    }

    [Fact]
    public void The_first_cannot_go_up_nor_the_last_down()
    {
        Assert.Empty(CourseLayout.MoveModule(_course.Path, "1-alku", MoveDirection.Up));
        Assert.Empty(CourseLayout.MoveLesson(_course.Path, "1-alku/05-b.md", MoveDirection.Down, null));
        Assert.Empty(CourseLayout.MoveLesson(_course.Path, "1-alku/01-a.md", MoveDirection.ToModule, "ei-ole"));
    }

    [Fact]
    public void A_lesson_moved_to_another_module_goes_last_there_and_both_are_renumbered()
    {
        var renames = CourseLayout.MoveLesson(_course.Path, "1-alku/01-a.md", MoveDirection.ToModule, "03-keski");

        Assert.Equal([new Rename("1-alku/01-a.md", "03-keski/02-a.md"), new Rename("1-alku/05-b.md", "1-alku/01-b.md")],
            renames.OrderBy(r => r.From, StringComparer.Ordinal));
    }
}
