using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SolutionGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "OccasionalBookings",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "OccasionalBookings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "OccasionalBookings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FreeCancellationHours",
                table: "OccasionalBookings",
                type: "integer",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PurgedAt",
                table: "MeetingRegistrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WaitingOrder",
                table: "MeetingRegistrations",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FollowUpSentLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SentBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    To = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Sections = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpSentLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpSentLetters_FollowUpCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "FollowUpCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OccasionalCareSettings",
                columns: table => new
                {
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    FreeCancellationHours = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccasionalCareSettings", x => x.CommuneCode);
                    table.ForeignKey(
                        name: "FK_OccasionalCareSettings_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRegistrations_MeetingId_Status_WaitingOrder",
                table: "MeetingRegistrations",
                columns: new[] { "MeetingId", "Status", "WaitingOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpSentLetters_CaseId_SentAt",
                table: "FollowUpSentLetters",
                columns: new[] { "CaseId", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpSentLetters");

            migrationBuilder.DropTable(
                name: "OccasionalCareSettings");

            migrationBuilder.DropIndex(
                name: "IX_MeetingRegistrations_MeetingId_Status_WaitingOrder",
                table: "MeetingRegistrations");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "OccasionalBookings");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "OccasionalBookings");

            migrationBuilder.DropColumn(
                name: "FreeCancellationHours",
                table: "OccasionalBookings");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                table: "MeetingRegistrations");

            migrationBuilder.DropColumn(
                name: "WaitingOrder",
                table: "MeetingRegistrations");

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "OccasionalBookings",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);
        }
    }
}
