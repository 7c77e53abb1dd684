using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TaskReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReviewState",
                table: "TaskAnswers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VersionCount",
                table: "TaskAnswers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PeerReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskAnswerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CourseId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    GivenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerReviews_AspNetUsers_ReviewerUserId",
                        column: x => x.ReviewerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PeerReviews_TaskAnswers_TaskAnswerId",
                        column: x => x.TaskAnswerId,
                        principalTable: "TaskAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskAnswerVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskAnswerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskAnswerVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskAnswerVersions_TaskAnswers_TaskAnswerId",
                        column: x => x.TaskAnswerId,
                        principalTable: "TaskAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskFeedbacks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskAnswerId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    GivenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CriteriaJson = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskFeedbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskFeedbacks_TaskAnswers_TaskAnswerId",
                        column: x => x.TaskAnswerId,
                        principalTable: "TaskAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskAnswers_CourseId_TaskId_SubmittedAtUtc",
                table: "TaskAnswers",
                columns: new[] { "CourseId", "TaskId", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_ReviewerUserId_CourseId_TaskId",
                table: "PeerReviews",
                columns: new[] { "ReviewerUserId", "CourseId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_ReviewerUserId_TaskAnswerId",
                table: "PeerReviews",
                columns: new[] { "ReviewerUserId", "TaskAnswerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_TaskAnswerId",
                table: "PeerReviews",
                column: "TaskAnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAnswerVersions_TaskAnswerId_Number",
                table: "TaskAnswerVersions",
                columns: new[] { "TaskAnswerId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskFeedbacks_TaskAnswerId",
                table: "TaskFeedbacks",
                column: "TaskAnswerId");

            // Answers from before review states: feedback given counts as accepted, and the submitted text and the
            // feedback become version 1 and its feedback in the history. Same SQL on SQLite and PostgreSQL.
            migrationBuilder.Sql("UPDATE \"TaskAnswers\" SET \"ReviewState\" = 1 WHERE \"Feedback\" IS NOT NULL AND \"SubmittedAtUtc\" IS NOT NULL");
            migrationBuilder.Sql("UPDATE \"TaskAnswers\" SET \"VersionCount\" = 1 WHERE \"SubmittedAtUtc\" IS NOT NULL");
            migrationBuilder.Sql("INSERT INTO \"TaskAnswerVersions\" (\"TaskAnswerId\", \"Number\", \"Text\", \"SubmittedAtUtc\") " +
                "SELECT \"Id\", 1, \"Text\", \"SubmittedAtUtc\" FROM \"TaskAnswers\" WHERE \"SubmittedAtUtc\" IS NOT NULL");
            migrationBuilder.Sql("INSERT INTO \"TaskFeedbacks\" (\"TaskAnswerId\", \"VersionNumber\", \"ByUserId\", \"GivenAtUtc\", \"Decision\", \"Text\") " +
                "SELECT \"Id\", 1, \"FeedbackByUserId\", \"FeedbackAtUtc\", 1, \"Feedback\" FROM \"TaskAnswers\" " +
                "WHERE \"Feedback\" IS NOT NULL AND \"FeedbackAtUtc\" IS NOT NULL AND \"SubmittedAtUtc\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PeerReviews");

            migrationBuilder.DropTable(
                name: "TaskAnswerVersions");

            migrationBuilder.DropTable(
                name: "TaskFeedbacks");

            migrationBuilder.DropIndex(
                name: "IX_TaskAnswers_CourseId_TaskId_SubmittedAtUtc",
                table: "TaskAnswers");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "TaskAnswers");

            migrationBuilder.DropColumn(
                name: "VersionCount",
                table: "TaskAnswers");
        }
    }
}
