using Microsoft.EntityFrameworkCore;

namespace RemoteGuidanceTraining.Web.Paging;

/// <summary>
/// One page of a longer list: its rows, how many there are in all, which page this is and how many pages there are.
/// Every paged list of the site is one of these, and <c>Pages/Shared/_Pager.cshtml</c> shows its page links.
/// A page number out of range is brought back into it (page 999 of three is page three), never an empty page.
/// </summary>
public sealed record PagedList<T>(IReadOnlyList<T> Rows, int Total, int PageNumber, int PageCount)
{
    public static PagedList<T> Empty { get; } = new([], 0, 1, 1);

    /// <summary>Counts, then reads one page in the query's own order (give it an OrderBy first).</summary>
    public static async Task<PagedList<T>> ReadAsync(IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var (number, count) = PageMath.Of(total, page, pageSize);
        var rows = await query.Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(rows, total, number, count);
    }

    /// <summary>A page of a list already in memory (e.g. report rows sorted in code).</summary>
    public static PagedList<T> Of(IReadOnlyList<T> all, int page, int pageSize)
    {
        var (number, count) = PageMath.Of(all.Count, page, pageSize);
        return new PagedList<T>([.. all.Skip((number - 1) * pageSize).Take(pageSize)], all.Count, number, count);
    }

    /// <summary>The same page with each row turned into something else (e.g. joined with data read for this page only).</summary>
    public PagedList<TOut> Select<TOut>(Func<T, TOut> selector) => new([.. Rows.Select(selector)], Total, PageNumber, PageCount);

    /// <summary>What the pager partial needs, with the address of any page of the same list.</summary>
    public Pager ToPager(Func<int, string> urlOf) => new(PageNumber, PageCount, urlOf);
}

/// <summary>The page links under a paged list (<c>_Pager.cshtml</c>): nothing when everything fits on one page.</summary>
public sealed record Pager(int PageNumber, int PageCount, Func<int, string> UrlOf);

/// <summary>The page arithmetic, once.</summary>
public static class PageMath
{
    /// <returns>The page to show, 1 to the last page, and how many pages there are (at least one).</returns>
    public static (int Number, int Count) Of(int total, int page, int pageSize)
    {
        var count = Math.Max(1, (total + pageSize - 1) / pageSize);
        return (Math.Clamp(page, 1, count), count);
    }
}
