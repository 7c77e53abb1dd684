namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// One rounding rule for every percentage of progress, the participant's own and the coordinators' figures alike:
/// to the nearest whole (2 of 3 is 67 %, as people expect), except that nobody reads 100 % before everything is done
/// or 0 % once something is (199 of 200 is 99 %, 1 of 300 is 1 %). The page, the chart and the exports always agree.
/// </summary>
public static class Percentages
{
    public static int Of(long part, long whole)
    {
        if (whole <= 0)
        {
            return 0;
        }

        var clamped = Math.Clamp(part, 0, whole);
        var rounded = (int)Math.Round(clamped * 100.0 / whole, MidpointRounding.AwayFromZero);
        return clamped == whole ? 100 : clamped == 0 ? 0 : Math.Clamp(rounded, 1, 99);
    }
}
