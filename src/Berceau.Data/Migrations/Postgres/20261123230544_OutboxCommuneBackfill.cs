using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxCommuneBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Old outbox messages get the commune of the application their key names (see OutboxCommuneBackfill).
            migrationBuilder.Sql(Berceau.Data.Notifications.OutboxCommuneBackfill.Postgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the column stays, and a commune given to an old message is the right one.
        }
    }
}
