using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// How many people got through each module (every lesson of it read), for all modules in one grouped query: each
/// lesson record is mapped to its module's number with a CASE expression built from the course as it is now, then
/// counted per person and module, kept where the count is the module's size, and counted per module.
/// </summary>
internal static class ModuleReach
{
    public static async Task<IReadOnlyList<ModuleProgress>> CountAsync(Course course, IQueryable<LessonCompletion> lessonRecords, CancellationToken cancellationToken)
    {
        var modules = course.Modules.Where(m => m.Lessons.Count > 0).ToList();
        if (modules.Count == 0)
        {
            return [.. course.Modules.Select(m => new ModuleProgress(m.Id, m.Title, 0))];
        }

        var lessonIds = modules.SelectMany(m => m.Lessons).Select(l => l.Id).ToList();
        var reached = await lessonRecords.Where(l => lessonIds.Contains(l.LessonId))
            .Select(ModuleNumberOf(modules))
            .GroupBy(x => new { x.UserId, x.Module })
            .Select(g => new PersonModule { UserId = g.Key.UserId, Module = g.Key.Module, Done = g.Count() })
            .Where(CompleteIn(modules))
            .GroupBy(x => x.Module)
            .Select(g => new { Module = g.Key, People = g.Count() })
            .ToDictionaryAsync(x => x.Module, x => x.People, cancellationToken);
        return [.. course.Modules.Select(m => new ModuleProgress(m.Id, m.Title, reached.GetValueOrDefault(modules.IndexOf(m))))];
    }

    // l => new PersonModule { UserId = l.UserId, Module = ids0.Contains(l.LessonId) ? 0 : ids1.Contains(l.LessonId) ? 1 : … : -1 }
    private static Expression<Func<LessonCompletion, PersonModule>> ModuleNumberOf(List<CourseModule> modules)
    {
        var record = Expression.Parameter(typeof(LessonCompletion), "l");
        var lessonId = Expression.Property(record, nameof(LessonCompletion.LessonId));
        Expression number = Expression.Constant(-1);
        for (var i = modules.Count - 1; i >= 0; i--)
        {
            var ids = Expression.Constant(modules[i].Lessons.Select(l => l.Id).ToList());
            number = Expression.Condition(Expression.Call(ids, typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, lessonId), Expression.Constant(i), number);
        }

        var body = Expression.MemberInit(Expression.New(typeof(PersonModule)),
            Expression.Bind(typeof(PersonModule).GetProperty(nameof(PersonModule.UserId))!, Expression.Property(record, nameof(LessonCompletion.UserId))),
            Expression.Bind(typeof(PersonModule).GetProperty(nameof(PersonModule.Module))!, number));
        return Expression.Lambda<Func<LessonCompletion, PersonModule>>(body, record);
    }

    // x => (x.Module == 0 && x.Done == size0) || (x.Module == 1 && x.Done == size1) || …
    private static Expression<Func<PersonModule, bool>> CompleteIn(List<CourseModule> modules)
    {
        var row = Expression.Parameter(typeof(PersonModule), "x");
        Expression test = Expression.Constant(false);
        for (var i = 0; i < modules.Count; i++)
        {
            test = Expression.OrElse(test, Expression.AndAlso(
                Expression.Equal(Expression.Property(row, nameof(PersonModule.Module)), Expression.Constant(i)),
                Expression.Equal(Expression.Property(row, nameof(PersonModule.Done)), Expression.Constant(modules[i].Lessons.Count))));
        }

        return Expression.Lambda<Func<PersonModule, bool>>(test, row);
    }

    private sealed class PersonModule
    {
        public string UserId { get; init; } = "";

        public int Module { get; init; }

        public int Done { get; init; }
    }
}
