using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Observatory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_CnafCoverages",
                table: "CnafCoverages");

            migrationBuilder.AddColumn<string>(
                name: "SourceCommuneCode",
                table: "CnafCoverages",
                type: "TEXT",
                maxLength: 5,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "ChildrenUnder3",
                table: "CnafCoverages",
                type: "TEXT",
                precision: 12,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RateChildminders",
                table: "CnafCoverages",
                type: "TEXT",
                precision: 6,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RateEaje",
                table: "CnafCoverages",
                type: "TEXT",
                precision: 6,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RateEajeNonPsu",
                table: "CnafCoverages",
                type: "TEXT",
                precision: 6,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RateEajePsu",
                table: "CnafCoverages",
                type: "TEXT",
                precision: 6,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RateHomeCare",
                table: "CnafCoverages",
                type: "TEXT",
                precision: 6,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RateIndividual",
                table: "CnafCoverages",
                type: "TEXT",
                precision: 6,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RatePreschool",
                table: "CnafCoverages",
                type: "TEXT",
                precision: 6,
                scale: 1,
                nullable: true);

            // Rows imported before this migration were keyed by the current commune: that code is also the published one,
            // except for 93066 in which 93059 was summed (re-import the Cnaf file to split them back).
            migrationBuilder.Sql("UPDATE \"CnafCoverages\" SET \"SourceCommuneCode\" = \"CommuneCode\";");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CnafCoverages",
                table: "CnafCoverages",
                columns: new[] { "SourceCommuneCode", "Year" });

            migrationBuilder.CreateTable(
                name: "CommuneChildrenUnder3",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Children = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommuneChildrenUnder3", x => new { x.CommuneCode, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CnafCoverages_CommuneCode_Year",
                table: "CnafCoverages",
                columns: new[] { "CommuneCode", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommuneChildrenUnder3");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CnafCoverages",
                table: "CnafCoverages");

            migrationBuilder.DropIndex(
                name: "IX_CnafCoverages_CommuneCode_Year",
                table: "CnafCoverages");

            migrationBuilder.DropColumn(
                name: "SourceCommuneCode",
                table: "CnafCoverages");

            migrationBuilder.DropColumn(
                name: "ChildrenUnder3",
                table: "CnafCoverages");

            migrationBuilder.DropColumn(
                name: "RateChildminders",
                table: "CnafCoverages");

            migrationBuilder.DropColumn(
                name: "RateEaje",
                table: "CnafCoverages");

            migrationBuilder.DropColumn(
                name: "RateEajeNonPsu",
                table: "CnafCoverages");

            migrationBuilder.DropColumn(
                name: "RateEajePsu",
                table: "CnafCoverages");

            migrationBuilder.DropColumn(
                name: "RateHomeCare",
                table: "CnafCoverages");

            migrationBuilder.DropColumn(
                name: "RateIndividual",
                table: "CnafCoverages");

            migrationBuilder.DropColumn(
                name: "RatePreschool",
                table: "CnafCoverages");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CnafCoverages",
                table: "CnafCoverages",
                columns: new[] { "CommuneCode", "Year" });
        }
    }
}
