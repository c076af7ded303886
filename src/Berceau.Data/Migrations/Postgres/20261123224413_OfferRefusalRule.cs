using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OfferRefusalRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AfterDeclinedOffer",
                table: "GuichetSettings",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Communes that already have settings keep the default rule (the domain's DeclinedOfferRule.KeepOnWaitlist).
                defaultValue: "KeepOnWaitlist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AfterDeclinedOffer",
                table: "GuichetSettings");
        }
    }
}
