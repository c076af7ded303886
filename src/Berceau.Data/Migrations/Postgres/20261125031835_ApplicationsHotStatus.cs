using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApplicationsHotStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_CommuneCode_Status",
                table: "Applications");

            migrationBuilder.AlterTable(
                name: "Applications")
                .Annotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_CommuneCode",
                table: "Applications",
                column: "CommuneCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_CommuneCode",
                table: "Applications");

            migrationBuilder.AlterTable(
                name: "Applications")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_CommuneCode_Status",
                table: "Applications",
                columns: new[] { "CommuneCode", "Status" });
        }
    }
}
