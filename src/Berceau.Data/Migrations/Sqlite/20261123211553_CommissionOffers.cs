using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommissionOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OfferDays",
                table: "CommissionSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PublishedAt",
                table: "CommissionSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "CommissionSessions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reattribution",
                table: "CommissionSessions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PlaceOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OfferedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OfferedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SeatKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaceOffers_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlaceOffers_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlaceOffers_ApplicationId",
                table: "PlaceOffers",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaceOffers_SeatKey",
                table: "PlaceOffers",
                column: "SeatKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlaceOffers_SessionId_SectionId_Seat",
                table: "PlaceOffers",
                columns: new[] { "SessionId", "SectionId", "Seat" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaceOffers_Status_Deadline",
                table: "PlaceOffers",
                columns: new[] { "Status", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlaceOffers");

            migrationBuilder.DropColumn(
                name: "OfferDays",
                table: "CommissionSessions");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "CommissionSessions");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "CommissionSessions");

            migrationBuilder.DropColumn(
                name: "Reattribution",
                table: "CommissionSessions");
        }
    }
}
