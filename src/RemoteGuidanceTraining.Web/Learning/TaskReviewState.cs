namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>Where a submitted answer stands with the trainer (a draft is an answer without a submission time).</summary>
public enum TaskReviewState
{
    /// <summary>Submitted, no feedback yet.</summary>
    Submitted = 0,

    /// <summary>The trainer gave feedback and accepted the answer.</summary>
    Accepted = 1,

    /// <summary>The trainer returned the answer for revision; the participant edits and resubmits.</summary>
    Returned = 2,

    /// <summary>Submitted again after feedback: waits for the trainer like a new one.</summary>
    Resubmitted = 3,
}
