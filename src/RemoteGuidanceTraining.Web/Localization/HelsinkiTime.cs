using System.Globalization;

namespace RemoteGuidanceTraining.Web.Localization;

/// <summary>Times are stored in UTC and shown in Finnish time, whatever the server's own zone.</summary>
public static class HelsinkiTime
{
    private static readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    /// <summary>The UTC moment a Finnish calendar day starts, for date-range filters.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), _zone);

    /// <summary>The Finnish calendar day a stored UTC moment falls on (23.30 in Helsinki is still that day, 00.10 the next).</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>Today in Finland by the site's clock, never the UTC day or the server's own zone.</summary>
    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow().UtcDateTime);

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>Date in the current culture's short format, e.g. 24.11.2026 (fi), 2026-11-24 (sv), 24/11/2026 (en).</summary>
    public static string Date(DateTime utc) => FromUtc(utc).ToString("d", CultureInfo.CurrentCulture);

    public static string DateAndTime(DateTime utc) => FromUtc(utc).ToString("g", CultureInfo.CurrentCulture);
}
