namespace RemoteGuidanceTraining.Web.Data;

/// <summary>A record about one person in one course (an enrolment, a completion, a certificate), which is what a coordinator's scope decides on.</summary>
public interface IPersonInCourse
{
    string UserId { get; }

    string CourseId { get; }
}
