using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NoticesQueuedAt",
                table: "CommissionSnapshots",
                type: "timestamp with time zone",
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
