namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>How trainers read an answer's state: the same words on the task list and on the answer's own page.</summary>
public static class TaskReviewStateLabels
{
    /// <summary>The resource key of the state's name on the trainer's pages.</summary>
    public static string TrainerKey(this TaskReviewState state) => state switch
    {
        TaskReviewState.Accepted => "Trainer.Tasks.StateAccepted",
        TaskReviewState.Returned => "Trainer.Tasks.StateReturned",
        TaskReviewState.Resubmitted => "Trainer.Tasks.StateResubmitted",
        _ => "Trainer.Tasks.StateNew",
    };
}
