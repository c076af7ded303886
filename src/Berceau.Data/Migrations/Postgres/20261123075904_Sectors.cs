using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sectors_CommuneCode",
                table: "Sectors");

            migrationBuilder.AddColumn<string>(
                name: "BoundaryGeoJson",
                table: "Sectors",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Sectors",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Sectors_CommuneCode_Name",
                table: "Sectors",
                columns: new[] { "CommuneCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_SectorId",
                table: "Facilities",
                column: "SectorId");

            migrationBuilder.AddForeignKey(
                name: "FK_Facilities_Sectors_SectorId",
                table: "Facilities",
                column: "SectorId",
                principalTable: "Sectors",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Facilities_Sectors_SectorId",
                table: "Facilities");

            migrationBuilder.DropIndex(
                name: "IX_Sectors_CommuneCode_Name",
                table: "Sectors");

            migrationBuilder.DropIndex(
                name: "IX_Facilities_SectorId",
                table: "Facilities");

            migrationBuilder.DropColumn(
                name: "BoundaryGeoJson",
                table: "Sectors");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Sectors");

            migrationBuilder.CreateIndex(
                name: "IX_Sectors_CommuneCode",
                table: "Sectors",
                column: "CommuneCode");
        }
    }
}
