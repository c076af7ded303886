using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunSections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "InstanceJson",
                table: "CommissionRuns",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "SectionsJson",
                table: "CommissionRuns",
                type: "text",
                nullable: true);

            // Written by hand (keep it if this migration is ever scaffolded again): the frozen instance and a run's result weigh
            // tens of megabytes in a département, and PostgreSQL's default TOAST compression (pglz) took about 0.3 s to write 25 MB
            // on the bench's machine, lz4 a fifth of that (docs/performance.md). A server built without lz4 keeps pglz.
            migrationBuilder.Sql(Lz4("lz4"));
        }

        private static string Lz4(string method) => $$"""
            DO $$
            BEGIN
                EXECUTE 'ALTER TABLE "CommissionRuns" ALTER COLUMN "ResultJson" SET COMPRESSION {{method}}, ALTER COLUMN "InstanceJson" SET COMPRESSION {{method}}';
                EXECUTE 'ALTER TABLE "CommissionSnapshots" ALTER COLUMN "InstanceJson" SET COMPRESSION {{method}}';
            EXCEPTION WHEN OTHERS THEN
                RAISE NOTICE 'Compression {{method}} indisponible (%), compression par défaut', SQLERRM;
            END
            $$;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Lz4("default"));

            migrationBuilder.DropColumn(
                name: "SectionsJson",
                table: "CommissionRuns");

            migrationBuilder.AlterColumn<string>(
                name: "InstanceJson",
                table: "CommissionRuns",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
