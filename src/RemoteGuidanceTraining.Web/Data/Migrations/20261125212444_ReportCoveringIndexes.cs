using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QuizResults_CourseId_UserId",
                table: "QuizResults");

            migrationBuilder.DropIndex(
                name: "IX_LessonCompletions_CourseId_UserId",
                table: "LessonCompletions");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAnswers_CourseId_UserId_TaskId_SubmittedAtUtc_ReviewState",
                table: "TaskAnswers",
                columns: new[] { "CourseId", "UserId", "TaskId", "SubmittedAtUtc", "ReviewState" });

            migrationBuilder.CreateIndex(
                name: "IX_QuizResults_CourseId_UserId_QuizId_QuizHash_Passed",
                table: "QuizResults",
                columns: new[] { "CourseId", "UserId", "QuizId", "QuizHash", "Passed" });

            migrationBuilder.CreateIndex(
                name: "IX_LessonCompletions_CourseId_UserId_LessonId",
                table: "LessonCompletions",
                columns: new[] { "CourseId", "UserId", "LessonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskAnswers_CourseId_UserId_TaskId_SubmittedAtUtc_ReviewState",
                table: "TaskAnswers");

            migrationBuilder.DropIndex(
                name: "IX_QuizResults_CourseId_UserId_QuizId_QuizHash_Passed",
                table: "QuizResults");

            migrationBuilder.DropIndex(
                name: "IX_LessonCompletions_CourseId_UserId_LessonId",
                table: "LessonCompletions");

            migrationBuilder.CreateIndex(
                name: "IX_QuizResults_CourseId_UserId",
                table: "QuizResults",
                columns: new[] { "CourseId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_LessonCompletions_CourseId_UserId",
                table: "LessonCompletions",
                columns: new[] { "CourseId", "UserId" });
        }
    }
}
