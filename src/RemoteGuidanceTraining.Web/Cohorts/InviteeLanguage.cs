using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>
/// The language an account made by a cohort invitation starts with: the cohort's course is the one thing known
/// about the person, so a cohort of an English course invites in English. A language the site does not speak, or
/// a course no longer in the catalogue, gives Finnish. Accounts that already exist keep their own choice.
/// </summary>
public static class InviteeLanguage
{
    public static string Of(CatalogHolder catalog, Cohort cohort)
    {
        // A course may name a regional variant ("sv-FI"); the site speaks languages, not regions.
        return Cultures.SpokenOrDefault(catalog.Current.Find(cohort.CourseId)?.Language.Split('-', '_')[0].Trim().ToLowerInvariant());
    }
}
