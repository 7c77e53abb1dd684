using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LockoutForEveryAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Accounts made by cohort invitations were written with lockout off (AppUser now switches it on for every
            // new account); no account is meant to be without it.
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"LockoutEnabled\" = 1 WHERE \"LockoutEnabled\" = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: which accounts had lockout off is not kept, and none should.
        }
    }
}
