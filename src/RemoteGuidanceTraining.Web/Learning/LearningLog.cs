namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>Log lines of the Learning feature, source-generated.</summary>
internal static partial class LearningLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Completion of {Course} by {User} was already recorded.")]
    public static partial void CompletionAlreadyRecorded(this ILogger logger, Exception error, string course, string user);
}
