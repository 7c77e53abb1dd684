using System.Collections.Concurrent;
using System.Reflection;

namespace RemoteGuidanceTraining.Web.Pages.Shared;

/// <summary>
/// The order of a form's fields, for listing its errors in the order the person meets the fields: ModelState keeps
/// its keys sorted by length and then by name, not as the form has them. First by where the field was in the post
/// (a browser sends a form's fields in the order the page has them); a field the post lacked by its property's
/// declaration order, a base class's properties first. Errors of the form as a whole (an empty key) come first; a
/// key that names no property comes last.
/// </summary>
public static class FormFieldOrder
{
    private static readonly ConcurrentDictionary<(Type, string), (int, int)[]> Cache = new();

    public static IEnumerable<T> InFormOrder<T>(this IEnumerable<T> errors, object? model, IReadOnlyList<string> postedFields, Func<T, string> key)
    {
        var posted = postedFields.Select((field, index) => (field, index)).ToDictionary(p => p.field, p => p.index, StringComparer.OrdinalIgnoreCase);
        return errors
            .OrderBy(error => key(error) is { Length: > 0 } field ? posted.GetValueOrDefault(field, int.MaxValue) : -1)
            .ThenBy(error => model is null ? [] : Place(model.GetType(), key(error)), PlaceComparer.Instance);
    }

    private static (int, int)[] Place(Type type, string key) => Cache.GetOrAdd((type, key), entry =>
    {
        var (current, path) = entry;
        var place = new List<(int, int)>();
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            var property = current.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
            {
                place.Add((int.MaxValue, int.MaxValue));
                break;
            }

            place.Add((Depth(property.DeclaringType!), property.MetadataToken));
            current = property.PropertyType;
        }

        return [.. place];
    });

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }

    private sealed class PlaceComparer : IComparer<(int, int)[]>
    {
        public static readonly PlaceComparer Instance = new();

        public int Compare((int, int)[]? x, (int, int)[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var order = x[i].CompareTo(y[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
