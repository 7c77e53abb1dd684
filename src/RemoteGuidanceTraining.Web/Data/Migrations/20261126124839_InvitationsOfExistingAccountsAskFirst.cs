using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvitationsOfExistingAccountsAskFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before this version an import gave an account that already existed but never confirmed (someone's own
            // registration, another coordinator's invitee) an invitation that setting the password accepted. Such a
            // pending invitation now waits for the person's own accept, like every invitation to an existing account.
            // An account the invitation created was written within seconds of it; ten minutes leave a wide margin.
            migrationBuilder.Sql("""
                UPDATE "CohortMembers" SET "AcceptedBySettingPassword" = 0
                WHERE "Status" = 1 AND "AcceptedBySettingPassword" = 1
                  AND EXISTS (SELECT 1 FROM "AspNetUsers" AS u
                              WHERE u."Id" = "CohortMembers"."UserId" AND u."CreatedAtUtc" < datetime("CohortMembers"."AddedAtUtc", '-10 minutes'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Which invitations were changed is not kept: they stay waiting for their person's accept.
        }
    }
}
