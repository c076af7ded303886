using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompressedRunDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The JSON already stored becomes its UTF-8 bytes, which StoredJson reads as they are (they begin with « { »);
            // PostgreSQL does not cast text to bytea by itself.
            foreach (var (table, column) in new[] { ("CommissionSnapshots", "InstanceJson"), ("CommissionRuns", "ResultJson"), ("CommissionRuns", "InstanceJson") })
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\" TYPE bytea USING convert_to(\"{column}\", 'UTF8');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Documents stored compressed are not UTF-8 text: with any of them, the downgrade fails and changes nothing.
            foreach (var (table, column) in new[] { ("CommissionSnapshots", "InstanceJson"), ("CommissionRuns", "ResultJson"), ("CommissionRuns", "InstanceJson") })
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\" TYPE text USING convert_from(\"{column}\", 'UTF8');");
        }
    }
}
