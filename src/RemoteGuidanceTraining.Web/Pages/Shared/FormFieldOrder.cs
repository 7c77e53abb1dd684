using System.Collections.Concurrent;
using System.Reflection;

namespace RemoteGuidanceTraining.Web.Pages.Shared;

/// <summary>
/// The order of a form's fields, for listing its errors in the order the person meets the fields: ModelState keeps
/// its keys sorted by length and then by name, not as the form has them. A bound property's place is its
/// declaration order, a base class's properties first (the page's fields follow the model's declaration). Errors of
/// the form as a whole (an empty key) come first; a key that names no property comes last.
/// </summary>
public static class FormFieldOrder
{
    private static readonly ConcurrentDictionary<(Type, string), (int, int)[]> Cache = new();

    public static IEnumerable<T> InFormOrder<T>(this IEnumerable<T> errors, object? model, Func<T, string> key) =>
        model is null ? errors : errors.OrderBy(error => Place(model.GetType(), key(error)), PlaceComparer.Instance);

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
