namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// Finland's regions (maakunnat) plus the Sámi homeland, stored as codes so reports group reliably;
/// the names shown come from the resources ("Region.&lt;code&gt;").
/// </summary>
public static class Regions
{
    public static readonly IReadOnlyList<string> Codes =
    [
        "uusimaa", "varsinais-suomi", "satakunta", "kanta-hame", "pirkanmaa", "paijat-hame", "kymenlaakso",
        "etela-karjala", "etela-savo", "pohjois-savo", "pohjois-karjala", "keski-suomi", "etela-pohjanmaa",
        "pohjanmaa", "keski-pohjanmaa", "pohjois-pohjanmaa", "kainuu", "lappi", "saamelaisalue", "ahvenanmaa",
    ];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);
}
