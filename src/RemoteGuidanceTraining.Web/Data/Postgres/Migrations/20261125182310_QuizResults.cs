using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class QuizResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuizResults",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    CourseId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    QuizId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    QuizHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BestScorePercent = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    LastAttemptId = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizResults", x => new { x.UserId, x.CourseId, x.QuizId, x.QuizHash });
                    table.ForeignKey(
                        name: "FK_QuizResults_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuizResults_CourseId_UserId",
                table: "QuizResults",
                columns: new[] { "CourseId", "UserId" });

            // Results for the attempts made before this table existed: best score, passed, last attempt per quiz version.
            migrationBuilder.Sql("""
                INSERT INTO "QuizResults" ("UserId", "CourseId", "QuizId", "QuizHash", "BestScorePercent", "Passed", "LastAttemptId", "Attempts", "LastAtUtc")
                SELECT "UserId", "CourseId", "QuizId", "QuizHash", MAX("ScorePercent"),
                       MAX(CASE WHEN "Passed" THEN 1 ELSE 0 END) = 1, MAX("Id"), COUNT(*), MAX("SubmittedAtUtc")
                FROM "QuizAttempts"
                GROUP BY "UserId", "CourseId", "QuizId", "QuizHash"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuizResults");
        }
    }
}
