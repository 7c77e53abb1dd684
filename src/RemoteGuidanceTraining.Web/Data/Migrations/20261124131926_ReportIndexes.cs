using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_CourseId_UserId",
                table: "QuizAttempts",
                columns: new[] { "CourseId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_LessonCompletions_CourseId_UserId",
                table: "LessonCompletions",
                columns: new[] { "CourseId", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_CourseId_UserId",
                table: "QuizAttempts");

            migrationBuilder.DropIndex(
                name: "IX_LessonCompletions_CourseId_UserId",
                table: "LessonCompletions");
        }
    }
}
