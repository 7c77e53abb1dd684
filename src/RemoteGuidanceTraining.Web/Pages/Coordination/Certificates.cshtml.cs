using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

public class CertificatesModel(AppDbContext db, UserManager<AppUser> users) : CoordinationPage(users)
{
    public string? Query { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? q)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var people = (await ScopeAsync()).Filter(db.Users).Select(u => u.Id);
        var query = db.Certificates.AsNoTracking().Where(c => people.Contains(c.UserId));
        if (Query is not null)
        {
            var pattern = $"%{Query}%";
            query = query.Where(c => EF.Functions.Like(c.FullName, pattern) || EF.Functions.Like(c.VerificationCode, pattern)
                || EF.Functions.Like(c.CourseTitle, pattern) || EF.Functions.Like(c.SerialNumber, pattern));
        }

        Rows = await query.OrderByDescending(c => c.IssuedAtUtc).Take(200)
            .Select(c => new Row(c.Id, c.FullName, c.CourseTitle, c.CompletedOn, c.VerificationCode, c.Status)).ToListAsync();
    }

    public sealed record Row(int Id, string FullName, string CourseTitle, DateOnly CompletedOn, string VerificationCode, CertificateStatus Status);
}
