using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorDataVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorDataVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorSnapshots",
                columns: table => new
                {
                    TerritoryCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: false),
                    DataVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    CodeVersion = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RefreshRequested = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSnapshots", x => new { x.TerritoryCode, x.Year });
                });

            migrationBuilder.InsertData(
                table: "IndicatorDataVersions",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationStatusChanges_To_ApplicationId",
                table: "ApplicationStatusChanges",
                columns: new[] { "To", "ApplicationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorDataVersions");

            migrationBuilder.DropTable(
                name: "IndicatorSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationStatusChanges_To_ApplicationId",
                table: "ApplicationStatusChanges");
        }
    }
}
