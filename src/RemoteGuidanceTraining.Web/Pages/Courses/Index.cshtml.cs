using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

/// <summary>The catalogue: public, so people can see what is offered before registering.</summary>
[AllowAnonymous]
public class CatalogueModel(CatalogHolder catalog, ProgressReader progress) : PageModel
{
    public IReadOnlyList<Card> Courses { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.UserId();
        // One query for every course's progress, however many courses there are.
        var summaries = userId is null ? null : await progress.SummariesAsync(userId, HttpContext.RequestAborted);
        Courses = catalog.Current.Courses.Where(c => DraftAccess.MaySee(User, c)).Select(course =>
        {
            var state = summaries is null ? null : ProgressSummary.For(summaries.GetValueOrDefault(course.Id), userId!, course);
            return new Card(course, state is { IsEnrolled: true } ? state.Percent : null);
        }).ToList();
    }

    public sealed record Card(Course Course, int? Percent);
}
