using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
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
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PlacesEajePsu = table.Column<int>(type: "integer", nullable: false),
                    PlacesEajeNonPsu = table.Column<int>(type: "integer", nullable: false),
                    PlacesPreschool = table.Column<int>(type: "integer", nullable: false),
                    PlacesChildminders = table.Column<int>(type: "integer", nullable: false),
                    PlacesHomeCare = table.Column<int>(type: "integer", nullable: false),
                    PlacesTotal = table.Column<int>(type: "integer", nullable: false),
                    ChildrenUnder3 = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    Communes = table.Column<int>(type: "integer", nullable: false),
                    RowsLeftOut = table.Column<int>(type: "integer", nullable: false)
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
