using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RemoteGuidanceTraining.Web.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ReportService>();
        services.AddScoped<PersonProgressService>();
        services.AddScoped<ActivityGridService>();
        services.AddScoped<ReportChartsService>();
        services.AddScoped<FunderSummaryService>();
        return services;
    }
}
