using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>An address under course.yml's <c>editors:</c> that no trainer or admin account has, with its line.</summary>
public sealed record EditorWithoutAccount(string Address, int Line);

public sealed partial class CourseWorkspace
{
    /// <summary>
    /// The addresses in course.yml's <c>editors:</c> that give nobody access: no account has them, or the account is
    /// neither a trainer nor an admin (the workspace is behind the Training policy). Warnings only: the account may
    /// be made later. Entries that are not addresses at all are the course validation's warning, not repeated here.
    /// </summary>
    public async Task<IReadOnlyList<EditorWithoutAccount>> EditorsWithoutAccountAsync(WorkspaceCourse course, CancellationToken cancellationToken)
    {
        var path = Path.Combine(course.Folder, "course.yml");
        if (!File.Exists(path))
        {
            return [];
        }

        var text = File.ReadAllText(path);
        var addresses = CourseHeader.Parse(text).Editors.Where(e => e.Contains('@') && !e.Any(char.IsWhiteSpace)).Distinct().ToList();
        if (addresses.Count == 0)
        {
            return [];
        }

        // Identity's default normaliser upper-cases e-mail addresses.
        var normalised = addresses.Select(a => a.ToUpperInvariant()).ToList();
        var roleIds = db.Roles.Where(r => r.Name == Roles.Trainer || r.Name == Roles.Admin).Select(r => r.Id);
        var withAccess = await db.Users
            .Where(u => u.NormalizedEmail != null && normalised.Contains(u.NormalizedEmail)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return addresses.Where(a => !withAccess.Contains(a.ToUpperInvariant()))
            .Select(a => new EditorWithoutAccount(a, LineOf(lines, a))).ToList();
    }

    // The first line naming the address (its list item); course.yml's first line if it is written some other way.
    private static int LineOf(string[] lines, string address)
    {
        var index = Array.FindIndex(lines, l => l.Contains(address, StringComparison.OrdinalIgnoreCase) && !l.TrimStart().StartsWith('#'));
        return index < 0 ? 1 : index + 1;
    }
}
