using CsvHelper;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Paging;

namespace RemoteGuidanceTraining.Web.Audit;

/// <summary>The admin's view of the audit log: filtered, newest first, a page at a time or all of it as CSV.</summary>
public sealed class AuditQuery(AppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>An export is capped so a careless click cannot build a file of millions of rows.</summary>
    public const int ExportLimit = 100_000;

    public async Task<PagedList<AuditRow>> PageAsync(AuditFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var query = await FilteredAsync(filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var (number, pages) = PageMath.Of(total, page, PageSize);
        var rows = await RowsAsync(query.Skip((number - 1) * PageSize).Take(PageSize), cancellationToken);
        return new PagedList<AuditRow>(rows, total, number, pages);
    }

    public async Task WriteCsvAsync(Stream output, AuditFilter filter, Func<string, string> t, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync((await FilteredAsync(filter, cancellationToken)).Take(ExportLimit), cancellationToken);
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader([t("Audit.At"), t("Audit.Action"), t("Audit.Actor"), t("Audit.Subject"), t("Audit.Details")]);
        foreach (var r in rows)
        {
            await csv.WriteRecordAsync((string[])[HelsinkiTime.DateAndTime(r.AtUtc), t("Audit.Action." + r.Action),
                r.Actor ?? t("Audit.System"), r.Subject ?? "", r.Details ?? ""]);
        }

        await csv.FlushAsync();
    }

    private async Task<IQueryable<AuditEntry>> FilteredAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        query = query.OnDays(e => e.AtUtc, filter.From, filter.To);

        if (filter.Person is { } person)
        {
            // The person is looked up first, then matched as actor or subject; an account id also matches directly.
            var ids = await db.Users.WhereContains(person, u => u.Email!, u => u.FullName)
                .Select(u => u.Id).Take(200).ToListAsync(cancellationToken);
            ids.Add(person);
            query = query.Where(e => ids.Contains(e.ActorUserId!) || ids.Contains(e.SubjectUserId!));
        }

        return query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);
    }

    private async Task<List<AuditRow>> RowsAsync(IQueryable<AuditEntry> entries, CancellationToken cancellationToken) =>
        await (from e in entries
               join a in db.Users on e.ActorUserId equals a.Id into actors
               from a in actors.DefaultIfEmpty()
               join s in db.Users on e.SubjectUserId equals s.Id into subjects
               from s in subjects.DefaultIfEmpty()
               orderby e.AtUtc descending, e.Id descending
               select new AuditRow(e.Id, e.AtUtc, e.Action,
                   a == null || a.Email == null ? e.ActorUserId : a.FullName + " <" + a.Email + ">",
                   s == null || s.Email == null ? e.SubjectUserId : s.FullName + " <" + s.Email + ">",
                   e.Details))
              .ToListAsync(cancellationToken);
}

/// <summary>Empty parts do not filter. Dates are days in Finnish time, both ends included.</summary>
public sealed record AuditFilter(string? Action, string? Person, DateOnly? From, DateOnly? To);

public sealed record AuditRow(long Id, DateTime AtUtc, string Action, string? Actor, string? Subject, string? Details);
