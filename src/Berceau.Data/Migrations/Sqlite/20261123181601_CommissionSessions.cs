using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Berceau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommissionSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommissionSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Facilities = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FreezeDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FrozenBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ValidatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ValidatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ValidatedRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionSessions_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommissionEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StatusBefore = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ScoresJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionEntries_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommissionEntries_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommissionMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionMembers_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommissionOverrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionOverrides_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommissionOverrides_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommissionRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    InstanceJson = table.Column<string>(type: "TEXT", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceHash = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EngineVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OverridesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ElapsedMs = table.Column<double>(type: "REAL", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionRuns_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommissionSeatDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailableOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeclaredBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionSeatDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionSeatDeclarations_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommissionSnapshots",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceJson = table.Column<string>(type: "TEXT", nullable: false),
                    GridVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FrozenBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionSnapshots", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_CommissionSnapshots_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_ApplicationId",
                table: "CommissionEntries",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_SessionId_ApplicationId",
                table: "CommissionEntries",
                columns: new[] { "SessionId", "ApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_SessionId_InstanceId",
                table: "CommissionEntries",
                columns: new[] { "SessionId", "InstanceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionMembers_SessionId",
                table: "CommissionMembers",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionMembers_UserId",
                table: "CommissionMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionOverrides_ApplicationId",
                table: "CommissionOverrides",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionOverrides_SessionId",
                table: "CommissionOverrides",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionRuns_SessionId_Number",
                table: "CommissionRuns",
                columns: new[] { "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionSeatDeclarations_SessionId",
                table: "CommissionSeatDeclarations",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionSessions_CommuneCode",
                table: "CommissionSessions",
                column: "CommuneCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommissionEntries");

            migrationBuilder.DropTable(
                name: "CommissionMembers");

            migrationBuilder.DropTable(
                name: "CommissionOverrides");

            migrationBuilder.DropTable(
                name: "CommissionRuns");

            migrationBuilder.DropTable(
                name: "CommissionSeatDeclarations");

            migrationBuilder.DropTable(
                name: "CommissionSnapshots");

            migrationBuilder.DropTable(
                name: "CommissionSessions");
        }
    }
}
