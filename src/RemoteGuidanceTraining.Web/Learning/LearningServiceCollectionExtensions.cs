using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RemoteGuidanceTraining.Web.Learning;

public static class LearningServiceCollectionExtensions
{
    public static IServiceCollection AddLearning(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CompletionService>();
        services.AddScoped<ProgressReader>();
        services.AddScoped<ProgressService>();
        services.AddScoped<Requirements>();
        services.AddScoped<QuizPassMarks>();
        services.AddScoped<TaskFeedbackMails>();
        services.AddScoped<StudyOverview>();
        services.AddScoped<TaskReview>();
        services.AddScoped<PeerFeedback>();
        services.AddHostedService<CompletionSweep>();
        return services;
    }
}
