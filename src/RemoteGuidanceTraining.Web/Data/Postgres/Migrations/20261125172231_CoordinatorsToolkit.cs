using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CoordinatorsToolkit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAtUtc",
                table: "Cohorts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AutoReminders",
                table: "Cohorts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastRemindedAtUtc",
                table: "CohortMembers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemindersOffAtUtc",
                table: "CohortMembers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArchivedAtUtc",
                table: "Cohorts");

            migrationBuilder.DropColumn(
                name: "AutoReminders",
                table: "Cohorts");

            migrationBuilder.DropColumn(
                name: "LastRemindedAtUtc",
                table: "CohortMembers");

            migrationBuilder.DropColumn(
                name: "RemindersOffAtUtc",
                table: "CohortMembers");
        }
    }
}
