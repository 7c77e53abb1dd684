using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationsAndScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cohorts_Organisation",
                table: "Cohorts");

            migrationBuilder.AddColumn<string>(
                name: "SubjectId",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectType",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Cohorts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcceptedAtUtc",
                table: "CohortMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AcceptedBySettingPassword",
                table: "CohortMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "InvitedName",
                table: "CohortMembers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "CohortMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MembershipSource",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SelfReportedOrganisation",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoordinatorAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AssignedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemovedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RemovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinatorAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinatorAssignments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoordinatorAssignments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationDomains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationDomains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationDomains_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SubjectType_SubjectId",
                table: "OutboxMessages",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cohorts_OrganisationId",
                table: "Cohorts",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatorAssignments_OrganisationId",
                table: "CoordinatorAssignments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatorAssignments_UserId_RemovedAtUtc",
                table: "CoordinatorAssignments",
                columns: new[] { "UserId", "RemovedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationDomains_Domain",
                table: "OrganisationDomains",
                column: "Domain",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationDomains_OrganisationId",
                table: "OrganisationDomains",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name",
                unique: true);

            // What people typed as their organisation becomes "self-reported"; nobody is in an organisation until an
            // admin, an invitation or a domain puts them there. Cohorts keep their organisation, now from the list.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "SelfReportedOrganisation" = "Organisation", "Organisation" = NULL, "Region" = NULL;
                INSERT INTO "Organisations" ("Name", "Region", "CreatedAtUtc")
                    SELECT DISTINCT "Organisation", NULL, CURRENT_TIMESTAMP FROM "Cohorts" WHERE "Organisation" IS NOT NULL AND "Organisation" <> '';
                UPDATE "Cohorts" SET "OrganisationId" = (SELECT "Id" FROM "Organisations" WHERE "Organisations"."Name" = "Cohorts"."Organisation");
                """);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Organisations_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Cohorts_Organisations_OrganisationId",
                table: "Cohorts",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Organisations_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_Cohorts_Organisations_OrganisationId",
                table: "Cohorts");

            migrationBuilder.DropTable(
                name: "CoordinatorAssignments");

            migrationBuilder.DropTable(
                name: "OrganisationDomains");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SubjectType_SubjectId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Cohorts_OrganisationId",
                table: "Cohorts");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "SubjectType",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Cohorts");

            migrationBuilder.DropColumn(
                name: "AcceptedAtUtc",
                table: "CohortMembers");

            migrationBuilder.DropColumn(
                name: "AcceptedBySettingPassword",
                table: "CohortMembers");

            migrationBuilder.DropColumn(
                name: "InvitedName",
                table: "CohortMembers");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "CohortMembers");

            migrationBuilder.DropColumn(
                name: "MembershipSource",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SelfReportedOrganisation",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_Cohorts_Organisation",
                table: "Cohorts",
                column: "Organisation");
        }
    }
}
