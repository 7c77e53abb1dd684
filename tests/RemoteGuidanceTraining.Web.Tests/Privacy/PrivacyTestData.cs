using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Privacy;

/// <summary>A participant with every kind of record a course run leaves: the export and deletion tests start from it.</summary>
internal static class PrivacyTestData
{
    public static async Task<LearningSite.Participant> FullRunAsync(LearningSite learning, string fullName, string answer)
    {
        var p = await learning.ParticipantAsync(fullName: fullName);
        await p.AnswerQuizAsync("a"); // a failed attempt, kept
        await p.DoneAsync("alku/kanavat");
        await p.AnswerQuizAsync("b");
        await p.TaskAsync(answer, submit: true);
        await p.DoneAsync("alku/oma-tyo");
        await learning.DbAsync(async db =>
        {
            // Trainer feedback and a cohort membership, as a trainer and a coordinator would leave them.
            var task = await db.TaskAnswers.SingleAsync(a => a.UserId == p.UserId);
            (task.Feedback, task.FeedbackAtUtc) = ($"Palaute: {fullName} kuvasi kanavat hyvin.", DateTime.UtcNow);
            var cohort = new Cohort { Name = $"Ryhmä {Guid.NewGuid():N}", CourseId = "kurssi", CreatedByUserId = p.UserId };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            db.CohortMembers.Add(new CohortMember { CohortId = cohort.Id, UserId = p.UserId, InvitedName = fullName });
            return await db.SaveChangesAsync();
        });
        return p;
    }
}
