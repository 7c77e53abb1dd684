namespace RemoteGuidanceTraining.Web.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportService>();
        return services;
    }
}
