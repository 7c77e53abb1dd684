using Microsoft.Extensions.Localization;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>How the workspace pages name who saved a version: a deleted account's name is gone from the history.</summary>
public static class AuthorNames
{
    /// <summary>The saved name, or "a deleted user" where <see cref="Privacy.AccountDeletion"/> emptied it.</summary>
    public static string Shown(string authorName, IStringLocalizer t) => authorName.Length == 0 ? t["Account.DeletedUser"] : authorName;
}
