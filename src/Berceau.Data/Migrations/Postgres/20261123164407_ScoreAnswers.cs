using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScoreAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid[]>(
                name: "PartnerEmployerFacilities",
                table: "Applications",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.AddColumn<decimal>(
                name: "QuotientFamilial",
                table: "Applications",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid[]>(
                name: "SiblingFacilities",
                table: "Applications",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.AddColumn<bool>(
                name: "SocialSupport",
                table: "Applications",
                type: "boolean",
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
