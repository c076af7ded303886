using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScoreAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PartnerEmployerFacilities",
                table: "Applications",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<decimal>(
                name: "QuotientFamilial",
                table: "Applications",
                type: "TEXT",
                precision: 10,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SiblingFacilities",
                table: "Applications",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "SocialSupport",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PartnerEmployerFacilities",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "QuotientFamilial",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "SiblingFacilities",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "SocialSupport",
                table: "Applications");
        }
    }
}
