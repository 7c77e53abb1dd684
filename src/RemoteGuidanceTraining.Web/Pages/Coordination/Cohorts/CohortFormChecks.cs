using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;

namespace RemoteGuidanceTraining.Web.Pages.Coordination.Cohorts;

/// <summary>
/// The checks the create and edit forms share: a published course of the catalogue, two readable dates within
/// <see cref="CohortService.FirstYear"/>–<see cref="CohortService.LastYear"/>, the end not before the start.
/// Each refusal is a message beside its field; the typed values stay in the model state and are shown again.
/// </summary>
public static class CohortFormChecks
{
    /// <summary>
    /// The courses a cohort may be for: published ones, as a draft's lessons are not found for its invitees. The edit
    /// form also keeps the cohort's own course (<paramref name="current"/>), should it have gone back to draft, so
    /// that saving a new name does not switch the course.
    /// </summary>
    public static IReadOnlyList<Course> Offered(CatalogHolder catalog, string? current = null) =>
        catalog.Current.Courses.Where(c => !c.IsDraft || c.Id == current).ToList();

    public static void Check(ModelStateDictionary state, IStringLocalizer t, CatalogHolder catalog, string? courseId, DateOnly startsOn, DateOnly endsOn,
        string? current = null)
    {
        var course = catalog.Current.Find(courseId ?? "");
        if (state.GetFieldValidationState("Input.CourseId") != ModelValidationState.Invalid)
        {
            if (course is null && current is not null && courseId == current)
            {
                // The cohort's own course, not served just now (files with an error, folder gone): renaming the cohort
                // or moving its dates must not need the course's files.
            }
            else if (course is null)
            {
                state.AddModelError("Input.CourseId", t["Validation.Required", t["Verify.Course"]]);
            }
            else if (course is not null && course.IsDraft && course.Id != current)
            {
                state.AddModelError("Input.CourseId", t["Cohorts.CourseNotPublished"]);
            }
        }

        var datesRead = Date(state, t, "Input.StartsOn", "Cohorts.StartsOn", startsOn) & Date(state, t, "Input.EndsOn", "Cohorts.EndsOn", endsOn);
        if (datesRead && endsOn < startsOn)
        {
            state.AddModelError("Input.EndsOn", t["Cohorts.EndBeforeStart"]);
        }
    }

    /// <summary>
    /// A field model binding could not read (empty, "abc") gets the site's own message instead of the framework's
    /// English one; the attempted value stays, so the form shows what was typed.
    /// </summary>
    public static void ReplaceBindingError(ModelStateDictionary state, string key, string message)
    {
        if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            state.AddModelError(key, message);
        }
    }

    private static bool Date(ModelStateDictionary state, IStringLocalizer t, string key, string label, DateOnly date)
    {
        // The dates carry no validation attributes, so an error here is model binding's: nothing readable was posted.
        if (state.GetFieldValidationState(key) == ModelValidationState.Invalid)
        {
            ReplaceBindingError(state, key, t["Cohorts.BadDate", t[label]]);
            return false;
        }

        if (!CohortService.IsPlausible(date))
        {
            state.AddModelError(key, t["Cohorts.DateOutOfRange", t[label], CohortService.FirstYear, CohortService.LastYear]);
            return false;
        }

        return true;
    }
}
