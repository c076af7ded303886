using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SchemaPlannedPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActionSheetPlannedPlaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SheetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionSheetPlannedPlaces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionSheetPlannedPlaces_ActionSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "ActionSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionSheetPlannedPlaces_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionSheetPlannedPlaces_CommuneCode",
                table: "ActionSheetPlannedPlaces",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_ActionSheetPlannedPlaces_SheetId",
                table: "ActionSheetPlannedPlaces",
                column: "SheetId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionSheetPlannedPlaces_Year_CommuneCode",
                table: "ActionSheetPlannedPlaces",
                columns: new[] { "Year", "CommuneCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionSheetPlannedPlaces");
        }
    }
}
