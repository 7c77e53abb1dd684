using System.Linq.Expressions;

namespace RemoteGuidanceTraining.Web.Localization;

/// <summary>
/// Filtering stored UTC times by Finnish calendar days, both ends included: the one rule behind every "from – to"
/// date filter (reports, audit log). Either end may be left open.
/// </summary>
public static class FinnishDays
{
    public static IQueryable<T> OnDays<T>(this IQueryable<T> query, Expression<Func<T, DateTime>> at, DateOnly? from, DateOnly? to)
    {
        if (from is { } first)
        {
            query = query.Where(Compare(at, ExpressionType.GreaterThanOrEqual, HelsinkiTime.StartOfDayUtc(first)));
        }

        if (to is { } last)
        {
            query = query.Where(Compare(at, ExpressionType.LessThan, HelsinkiTime.StartOfDayUtc(last.AddDays(1))));
        }

        return query;
    }

    /// <summary>at(x) ≥ or &lt; bound; the bound is read from a holder so that EF sends it as a parameter, not a literal.</summary>
    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, DateTime>> at, ExpressionType comparison, DateTime bound)
    {
        var holder = new Bound(bound);
        var value = Expression.Property(Expression.Constant(holder), nameof(Bound.Value));
        return Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(comparison, at.Body, value), at.Parameters);
    }

    private sealed record Bound(DateTime Value);
}
