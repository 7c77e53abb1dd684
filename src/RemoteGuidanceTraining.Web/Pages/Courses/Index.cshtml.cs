using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

/// <summary>The catalogue: public, so people can see what is offered before registering.</summary>
[AllowAnonymous]
public class CatalogueModel(CatalogHolder catalog, ProgressService progress, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<Card> Courses { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = users.GetUserId(User);
        var cards = new List<Card>();
        foreach (var course in catalog.Current.Courses.Where(c => DraftAccess.MaySee(User, c)))
        {
            var state = userId is null ? null : await progress.LoadAsync(userId, course);
            cards.Add(new Card(course, state is { IsEnrolled: true } ? state.Percent : null));
        }

        Courses = cards;
    }

    public sealed record Card(Course Course, int? Percent);
}
