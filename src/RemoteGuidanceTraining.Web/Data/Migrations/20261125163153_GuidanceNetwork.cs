using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RemoteGuidanceTraining.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GuidanceNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NetworkRegions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkRegions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkGroups_NetworkRegions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "NetworkRegions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMunicipalities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    TileColumn = table.Column<int>(type: "INTEGER", nullable: false),
                    TileRow = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMunicipalities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMunicipalities_NetworkRegions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "NetworkRegions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NetworkGroupMembers",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Partial = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkGroupMembers", x => new { x.GroupId, x.MunicipalityId });
                    table.ForeignKey(
                        name: "FK_NetworkGroupMembers_NetworkGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "NetworkGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkGroupMembers_NetworkMunicipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "NetworkMunicipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    HomeMunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OtherLanguages = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    JoinedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HiddenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HiddenByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    UpdateRequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkProfiles_NetworkMunicipalities_HomeMunicipalityId",
                        column: x => x.HomeMunicipalityId,
                        principalTable: "NetworkMunicipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NetworkProfileChannels",
                columns: table => new
                {
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkProfileChannels", x => new { x.ProfileId, x.Channel });
                    table.ForeignKey(
                        name: "FK_NetworkProfileChannels_NetworkProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "NetworkProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkProfileMunicipalities",
                columns: table => new
                {
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkProfileMunicipalities", x => new { x.ProfileId, x.MunicipalityId });
                    table.ForeignKey(
                        name: "FK_NetworkProfileMunicipalities_NetworkMunicipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "NetworkMunicipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkProfileMunicipalities_NetworkProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "NetworkProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkProfileTags",
                columns: table => new
                {
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkProfileTags", x => new { x.ProfileId, x.Kind, x.Code });
                    table.ForeignKey(
                        name: "FK_NetworkProfileTags_NetworkProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "NetworkProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkGroupMembers_MunicipalityId",
                table: "NetworkGroupMembers",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkGroups_Code",
                table: "NetworkGroups",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkGroups_RegionId",
                table: "NetworkGroups",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMunicipalities_Code",
                table: "NetworkMunicipalities",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMunicipalities_RegionId",
                table: "NetworkMunicipalities",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkProfileMunicipalities_MunicipalityId",
                table: "NetworkProfileMunicipalities",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkProfiles_HiddenAtUtc",
                table: "NetworkProfiles",
                column: "HiddenAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkProfiles_HomeMunicipalityId",
                table: "NetworkProfiles",
                column: "HomeMunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkProfiles_UserId",
                table: "NetworkProfiles",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkProfileTags_Kind_Code",
                table: "NetworkProfileTags",
                columns: new[] { "Kind", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRegions_Code",
                table: "NetworkRegions",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkGroupMembers");

            migrationBuilder.DropTable(
                name: "NetworkProfileChannels");

            migrationBuilder.DropTable(
                name: "NetworkProfileMunicipalities");

            migrationBuilder.DropTable(
                name: "NetworkProfileTags");

            migrationBuilder.DropTable(
                name: "NetworkGroups");

            migrationBuilder.DropTable(
                name: "NetworkProfiles");

            migrationBuilder.DropTable(
                name: "NetworkMunicipalities");

            migrationBuilder.DropTable(
                name: "NetworkRegions");
        }
    }
}
