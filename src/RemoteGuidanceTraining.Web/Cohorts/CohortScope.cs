using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>Cohorts a coordinator may see: those of their own organisation or region (admins: all).</summary>
public static class CohortScope
{
    public static IQueryable<Cohort> Filter(this CoordinatorScope scope, IQueryable<Cohort> cohorts) => scope.All
        ? cohorts
        : cohorts.Where(c => (scope.Organisation != null && c.Organisation == scope.Organisation) || (scope.Region != null && c.Region == scope.Region));
}
