using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Postgres.Migrations
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
                UPDATE "OutboxMessages" AS o SET "SubjectType" = 'account', "SubjectId" = (
                    SELECT u."Id" FROM "AspNetUsers" AS u WHERE position(convert_to('userId=' || u."Id", 'UTF8') in o."Mime") > 0 LIMIT 1)
                WHERE o."SubjectType" IS NULL AND o."Category" = 'account' AND length(o."Mime") > 0
                  AND EXISTS (SELECT 1 FROM "AspNetUsers" AS u WHERE position(convert_to('userId=' || u."Id", 'UTF8') in o."Mime") > 0);

                UPDATE "OutboxMessages" AS o SET "SubjectType" = 'account', "SubjectId" = (
                    SELECT t."SubjectId" FROM "OutboxMessages" AS t
                    WHERE t."SubjectType" = 'account' AND t."CreatedAtUtc" = o."CreatedAtUtc" AND t."ToAddress" <> o."ToAddress"
                      AND position(convert_to('/Account/ConfirmEmailChange', 'UTF8') in t."Mime") > 0 LIMIT 1)
                WHERE o."SubjectType" IS NULL AND o."Category" = 'account'
                  AND EXISTS (SELECT 1 FROM "OutboxMessages" AS t
                    WHERE t."SubjectType" = 'account' AND t."CreatedAtUtc" = o."CreatedAtUtc" AND t."ToAddress" <> o."ToAddress"
                      AND position(convert_to('/Account/ConfirmEmailChange', 'UTF8') in t."Mime") > 0);

                UPDATE "OutboxMessages" AS o SET "SubjectId" = o."SubjectId" || ':' || (
                    SELECT m."UserId" FROM "CohortMembers" AS m
                    WHERE m."CohortId"::text = o."SubjectId"
                      AND (EXISTS (SELECT 1 FROM "AspNetUsers" AS u WHERE u."Id" = m."UserId" AND u."NormalizedEmail" = upper(o."ToAddress"))
                        OR EXISTS (SELECT 1 FROM "OutboxMessages" AS t WHERE t."SubjectType" = 'account' AND t."SubjectId" = m."UserId"
                                   AND upper(t."ToAddress") = upper(o."ToAddress")))
                    LIMIT 1)
                WHERE o."SubjectType" IN ('cohort-reminder', 'cohort-reminder-auto') AND strpos(o."SubjectId", ':') = 0
                  AND EXISTS (SELECT 1 FROM "CohortMembers" AS m
                    WHERE m."CohortId"::text = o."SubjectId"
                      AND (EXISTS (SELECT 1 FROM "AspNetUsers" AS u WHERE u."Id" = m."UserId" AND u."NormalizedEmail" = upper(o."ToAddress"))
                        OR EXISTS (SELECT 1 FROM "OutboxMessages" AS t WHERE t."SubjectType" = 'account' AND t."SubjectId" = m."UserId"
                                   AND upper(t."ToAddress") = upper(o."ToAddress"))));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The account tags are harmless to the earlier version; its cohort page finds a reminder by the cohort alone.
            migrationBuilder.Sql("""
                UPDATE "OutboxMessages" SET "SubjectId" = split_part("SubjectId", ':', 1)
                WHERE "SubjectType" IN ('cohort-reminder', 'cohort-reminder-auto') AND strpos("SubjectId", ':') > 0;
                """);
        }
    }
}
