using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Schema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PartnerOrganisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerOrganisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerOrganisations_Departements_DepartementCode",
                        column: x => x.DepartementCode,
                        principalTable: "Departements",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Schemas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    EndYear = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schemas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Schemas_Departements_DepartementCode",
                        column: x => x.DepartementCode,
                        principalTable: "Departements",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartnerMembers",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerMembers", x => new { x.OrganisationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_PartnerMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnerMembers_PartnerOrganisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "PartnerOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SchemaAxes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchemaAxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchemaAxes_Schemas_SchemaId",
                        column: x => x.SchemaId,
                        principalTable: "Schemas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionSheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemaId = table.Column<Guid>(type: "uuid", nullable: false),
                    AxisId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Issues = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PilotId = table.Column<Guid>(type: "uuid", nullable: true),
                    Actors = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    KeyActions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Schedule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Means = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StateOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionSheets_PartnerOrganisations_PilotId",
                        column: x => x.PilotId,
                        principalTable: "PartnerOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionSheets_SchemaAxes_AxisId",
                        column: x => x.AxisId,
                        principalTable: "SchemaAxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionSheets_Schemas_SchemaId",
                        column: x => x.SchemaId,
                        principalTable: "Schemas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionSheetCoPilots",
                columns: table => new
                {
                    SheetId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionSheetCoPilots", x => new { x.SheetId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_ActionSheetCoPilots_ActionSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "ActionSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionSheetCoPilots_PartnerOrganisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "PartnerOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionSheetIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SheetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ObservatoryKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionSheetIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionSheetIndicators_ActionSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "ActionSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionSheetProgress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SheetId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionSheetProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionSheetProgress_ActionSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "ActionSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionSheetCoPilots_OrganisationId",
                table: "ActionSheetCoPilots",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionSheetIndicators_SheetId",
                table: "ActionSheetIndicators",
                column: "SheetId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionSheetProgress_SheetId_On",
                table: "ActionSheetProgress",
                columns: new[] { "SheetId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionSheets_AxisId",
                table: "ActionSheets",
                column: "AxisId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionSheets_PilotId",
                table: "ActionSheets",
                column: "PilotId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionSheets_SchemaId_Number",
                table: "ActionSheets",
                columns: new[] { "SchemaId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerMembers_UserId",
                table: "PartnerMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerOrganisations_DepartementCode_Name",
                table: "PartnerOrganisations",
                columns: new[] { "DepartementCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchemaAxes_SchemaId_Number",
                table: "SchemaAxes",
                columns: new[] { "SchemaId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Schemas_DepartementCode_StartYear",
                table: "Schemas",
                columns: new[] { "DepartementCode", "StartYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionSheetCoPilots");

            migrationBuilder.DropTable(
                name: "ActionSheetIndicators");

            migrationBuilder.DropTable(
                name: "ActionSheetProgress");

            migrationBuilder.DropTable(
                name: "PartnerMembers");

            migrationBuilder.DropTable(
                name: "ActionSheets");

            migrationBuilder.DropTable(
                name: "PartnerOrganisations");

            migrationBuilder.DropTable(
                name: "SchemaAxes");

            migrationBuilder.DropTable(
                name: "Schemas");
        }
    }
}
