namespace RemoteGuidanceTraining.Web.Learning;

public static class LearningServiceCollectionExtensions
{
    public static IServiceCollection AddLearning(this IServiceCollection services)
    {
        services.AddScoped<CompletionService>();
        services.AddScoped<ProgressService>();
        services.AddScoped<TaskFeedbackMails>();
        services.AddScoped<StudyOverview>();
        services.AddScoped<TaskReview>();
        return services;
    }
}
