using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FreezeNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NoticedUpTo",
                table: "CommissionSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "NoticesQueuedAt",
                table: "CommissionSnapshots",
                type: "INTEGER",
                nullable: true);

            // The sessions frozen before: their notices were written in the freeze's own transaction.
            migrationBuilder.Sql("UPDATE \"CommissionSnapshots\" SET \"NoticesQueuedAt\" = \"FrozenAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NoticedUpTo",
                table: "CommissionSnapshots");

            migrationBuilder.DropColumn(
                name: "NoticesQueuedAt",
                table: "CommissionSnapshots");
        }
    }
}
