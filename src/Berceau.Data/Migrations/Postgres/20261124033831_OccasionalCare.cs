using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyUserId = table.Column<string>(type: "text", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ChildFirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildLastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AnnualResources = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ChildrenInHousehold = table.Column<int>(type: "integer", nullable: false),
                    DisabledChildInHousehold = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Alerts = table.Column<bool>(type: "boolean", nullable: false),
                    AlertFacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    AlertDays = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    HalfDay = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Places = table.Column<int>(type: "integer", nullable: false),
                    Booked = table.Column<int>(type: "integer", nullable: false),
                    MinAgeMonths = table.Column<int>(type: "integer", nullable: false),
                    MaxAgeMonths = table.Column<int>(type: "integer", nullable: false),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    HourlyFee = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    Price = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    BookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
