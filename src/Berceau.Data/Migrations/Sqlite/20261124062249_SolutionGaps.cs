using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SolutionGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "OccasionalBookings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "OccasionalBookings",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FreeCancellationHours",
                table: "OccasionalBookings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<long>(
                name: "PurgedAt",
                table: "MeetingRegistrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WaitingOrder",
                table: "MeetingRegistrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FollowUpSentLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Sections = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
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
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    FreeCancellationHours = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
        }
    }
}
