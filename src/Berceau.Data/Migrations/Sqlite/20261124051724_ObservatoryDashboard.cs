using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObservatoryDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CnafNationalCoverages",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacesEajePsu = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacesEajeNonPsu = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacesPreschool = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacesChildminders = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacesHomeCare = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacesTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildrenUnder3 = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: false),
                    Communes = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsLeftOut = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CnafNationalCoverages", x => x.Year);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CnafNationalCoverages");
        }
    }
}
