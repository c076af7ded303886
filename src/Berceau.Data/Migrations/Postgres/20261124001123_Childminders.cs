using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Childminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Days",
                table: "Vacancies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ChildminderInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InvitedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildminderInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildminderInvitations_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildminderProfiles",
                columns: table => new
                {
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    ShowFullAddress = table.Column<bool>(type: "boolean", nullable: false),
                    AtypicalHoursDetail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DisabilityExperience = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildminderProfiles", x => x.FacilityId);
                    table.ForeignKey(
                        name: "FK_ChildminderProfiles_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildminderRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgrementNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildminderRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildminderRegistrations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    FamilyUserId = table.Column<string>(type: "text", nullable: false),
                    ChildAgeMonths = table.Column<int>(type: "integer", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AnswerMessage = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SharedPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SharedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SharedAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactRequests_AspNetUsers_FamilyUserId",
                        column: x => x.FamilyUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactRequests_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildminderInvitations_FacilityId",
                table: "ChildminderInvitations",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildminderInvitations_SecretHash",
                table: "ChildminderInvitations",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildminderRegistrations_CommuneCode_Status_CreatedAt",
                table: "ChildminderRegistrations",
                columns: new[] { "CommuneCode", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildminderRegistrations_UserId",
                table: "ChildminderRegistrations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRequests_CommuneCode_CreatedAt",
                table: "ContactRequests",
                columns: new[] { "CommuneCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactRequests_FacilityId_CreatedAt",
                table: "ContactRequests",
                columns: new[] { "FacilityId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactRequests_FamilyUserId_CreatedAt",
                table: "ContactRequests",
                columns: new[] { "FamilyUserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildminderInvitations");

            migrationBuilder.DropTable(
                name: "ChildminderProfiles");

            migrationBuilder.DropTable(
                name: "ChildminderRegistrations");

            migrationBuilder.DropTable(
                name: "ContactRequests");

            migrationBuilder.DropColumn(
                name: "Days",
                table: "Vacancies");
        }
    }
}
