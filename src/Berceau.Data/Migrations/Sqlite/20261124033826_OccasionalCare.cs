using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OccasionalCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OccasionalChildren",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    ChildFirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChildLastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChildBirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnnualResources = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ChildrenInHousehold = table.Column<int>(type: "INTEGER", nullable: false),
                    DisabledChildInHousehold = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Alerts = table.Column<bool>(type: "INTEGER", nullable: false),
                    AlertFacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AlertDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccasionalChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OccasionalChildren_AspNetUsers_FamilyUserId",
                        column: x => x.FamilyUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OccasionalSlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HalfDay = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    Booked = table.Column<int>(type: "INTEGER", nullable: false),
                    MinAgeMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAgeMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccasionalSlots", x => x.Id);
                    table.CheckConstraint("CK_OccasionalSlots_Booked", "\"Booked\" >= 0 AND \"Booked\" <= \"Places\"");
                    table.ForeignKey(
                        name: "FK_OccasionalSlots_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OccasionalBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    HourlyFee = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccasionalBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OccasionalBookings_OccasionalChildren_ChildId",
                        column: x => x.ChildId,
                        principalTable: "OccasionalChildren",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OccasionalBookings_OccasionalSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "OccasionalSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OccasionalBookings_ChildId",
                table: "OccasionalBookings",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_OccasionalBookings_FacilityId_Day",
                table: "OccasionalBookings",
                columns: new[] { "FacilityId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_OccasionalBookings_FamilyUserId_Day",
                table: "OccasionalBookings",
                columns: new[] { "FamilyUserId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_OccasionalBookings_OnePerChild",
                table: "OccasionalBookings",
                columns: new[] { "SlotId", "ChildId" },
                unique: true,
                filter: "\"Status\" = 'Confirmed'");

            migrationBuilder.CreateIndex(
                name: "IX_OccasionalChildren_CommuneCode_Status_CreatedAt",
                table: "OccasionalChildren",
                columns: new[] { "CommuneCode", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OccasionalChildren_FamilyUserId",
                table: "OccasionalChildren",
                column: "FamilyUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OccasionalSlots_CommuneCode_Day",
                table: "OccasionalSlots",
                columns: new[] { "CommuneCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_OccasionalSlots_FacilityId_Day",
                table: "OccasionalSlots",
                columns: new[] { "FacilityId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OccasionalBookings");

            migrationBuilder.DropTable(
                name: "OccasionalChildren");

            migrationBuilder.DropTable(
                name: "OccasionalSlots");
        }
    }
}
