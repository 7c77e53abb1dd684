using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Searching typed text ignoring case in every letter, ä, ö and å included, on SQLite and PostgreSQL alike: compare
/// <c>column.ToLower()</c> (SQL lower()) with a lower-cased pattern (<see cref="WhereContains"/>). LIKE alone ignores case only in ASCII on SQLite
/// and not at all on PostgreSQL; SQLite's lower() is replaced by one that folds every letter (see
/// <see cref="Sqlite.PreparedSqliteConnection"/>), PostgreSQL's folds by the database's locale. What is typed is
/// text, never a pattern: its <c>%</c> and <c>_</c> match only themselves.
/// </summary>
public static class TextSearch
{
    /// <summary>
    /// The LIKE escape character, given to every search's LIKE: SQLite has none unless one is named (PostgreSQL's
    /// default is this same backslash).
    /// </summary>
    public const string EscapeCharacter = "\\";

    private static readonly System.Reflection.MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly System.Reflection.MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    /// <summary>The LIKE pattern for text containing <paramref name="query"/>, in lower case, its wildcards escaped.</summary>
    private static string PatternFor(string query) =>
        "%" + query.ToLowerInvariant().Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal).Replace("_", EscapeCharacter + "_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// The rows where any of <paramref name="columns"/> contains <paramref name="query"/>, ignoring case:
    /// <c>lower(column) LIKE pattern ESCAPE '\'</c> for each, joined with OR. Every search goes through here, so
    /// none can forget the escape character.
    /// </summary>
    public static IQueryable<T> WhereContains<T>(this IQueryable<T> source, string query, params Expression<Func<T, string>>[] columns)
    {
        var row = Expression.Parameter(typeof(T), "row");
        // A member of an object rather than a constant: EF Core sends it as a parameter, so every search shares one
        // SQL text (and one prepared statement) instead of one per typed word.
        var pattern = Expression.Property(Expression.Constant(new Pattern(PatternFor(query))), nameof(Pattern.Value));
        var functions = Expression.Property(null, typeof(EF), nameof(EF.Functions));
        var matches = columns.Select(column => (Expression)Expression.Call(Like, functions,
                Expression.Call(new Rebind(column.Parameters[0], row).Visit(column.Body), ToLower), pattern, Expression.Constant(EscapeCharacter)))
            .Aggregate(Expression.OrElse);
        return source.Where(Expression.Lambda<Func<T, bool>>(matches, row));
    }

    private sealed record Pattern(string Value);

    /// <summary>Puts the shared row parameter in place of each column lambda's own.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
