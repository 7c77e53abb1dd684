using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountMailTaggedWithItsAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Account mail is now tagged with its account ("account", the account's id) and reminders with their person
            // ("cohort:person"), so the export and deletion find mail to an address the person had before or only asked
            // for. Mail written before is tagged here as far as it can be told whose it is:
            // 1. a link that names the account (confirmation, password and address-change links): its body has userId=<id>;
            // 2. the notice to the old address, saved together (same time) with a change link already tagged;
            // 3. a reminder to an address that is a member's current one, or one that member's tagged mail went to.
            // A body the retention job has emptied names no one, and a notice or reminder without such a partner is
            // left untagged: those are still found by the current address only.
            migrationBuilder.Sql("""
                UPDATE "OutboxMessages" SET "SubjectType" = 'account', "SubjectId" = (
                    SELECT u."Id" FROM "AspNetUsers" AS u WHERE instr(CAST("OutboxMessages"."Mime" AS TEXT), 'userId=' || u."Id") > 0 LIMIT 1)
                WHERE "SubjectType" IS NULL AND "Category" = 'account' AND length("Mime") > 0
                  AND EXISTS (SELECT 1 FROM "AspNetUsers" AS u WHERE instr(CAST("OutboxMessages"."Mime" AS TEXT), 'userId=' || u."Id") > 0);

                UPDATE "OutboxMessages" SET "SubjectType" = 'account', "SubjectId" = (
                    SELECT t."SubjectId" FROM "OutboxMessages" AS t
                    WHERE t."SubjectType" = 'account' AND t."CreatedAtUtc" = "OutboxMessages"."CreatedAtUtc" AND t."ToAddress" <> "OutboxMessages"."ToAddress"
                      AND instr(CAST(t."Mime" AS TEXT), '/Account/ConfirmEmailChange') > 0 LIMIT 1)
                WHERE "SubjectType" IS NULL AND "Category" = 'account'
                  AND EXISTS (SELECT 1 FROM "OutboxMessages" AS t
                    WHERE t."SubjectType" = 'account' AND t."CreatedAtUtc" = "OutboxMessages"."CreatedAtUtc" AND t."ToAddress" <> "OutboxMessages"."ToAddress"
                      AND instr(CAST(t."Mime" AS TEXT), '/Account/ConfirmEmailChange') > 0);

                UPDATE "OutboxMessages" SET "SubjectId" = "SubjectId" || ':' || (
                    SELECT m."UserId" FROM "CohortMembers" AS m
                    WHERE CAST(m."CohortId" AS TEXT) = "OutboxMessages"."SubjectId"
                      AND (EXISTS (SELECT 1 FROM "AspNetUsers" AS u WHERE u."Id" = m."UserId" AND u."NormalizedEmail" = upper("OutboxMessages"."ToAddress"))
                        OR EXISTS (SELECT 1 FROM "OutboxMessages" AS t WHERE t."SubjectType" = 'account' AND t."SubjectId" = m."UserId"
                                   AND upper(t."ToAddress") = upper("OutboxMessages"."ToAddress")))
                    LIMIT 1)
                WHERE "SubjectType" IN ('cohort-reminder', 'cohort-reminder-auto') AND instr("SubjectId", ':') = 0
                  AND EXISTS (SELECT 1 FROM "CohortMembers" AS m
                    WHERE CAST(m."CohortId" AS TEXT) = "OutboxMessages"."SubjectId"
                      AND (EXISTS (SELECT 1 FROM "AspNetUsers" AS u WHERE u."Id" = m."UserId" AND u."NormalizedEmail" = upper("OutboxMessages"."ToAddress"))
                        OR EXISTS (SELECT 1 FROM "OutboxMessages" AS t WHERE t."SubjectType" = 'account' AND t."SubjectId" = m."UserId"
                                   AND upper(t."ToAddress") = upper("OutboxMessages"."ToAddress"))));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The account tags are harmless to the earlier version; its cohort page finds a reminder by the cohort alone.
            migrationBuilder.Sql("""
                UPDATE "OutboxMessages" SET "SubjectId" = substr("SubjectId", 1, instr("SubjectId", ':') - 1)
                WHERE "SubjectType" IN ('cohort-reminder', 'cohort-reminder-auto') AND instr("SubjectId", ':') > 0;
                """);
        }
    }
}
