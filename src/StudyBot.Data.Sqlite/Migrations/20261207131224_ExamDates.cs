using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExamDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ExamTarget",
                table: "UserSettings",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ExamTarget",
                table: "ReviewLog",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExamUtc",
                table: "ReviewLog",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExamDates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuildId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeckId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SetByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamDates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamDates_Decks_DeckId",
                        column: x => x.DeckId,
                        principalTable: "Decks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExamDates_DeckId_AtUtc",
                table: "ExamDates",
                columns: new[] { "DeckId", "AtUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamDates_GuildId_AtUtc",
                table: "ExamDates",
                columns: new[] { "GuildId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExamDates");

            migrationBuilder.DropColumn(
                name: "ExamTarget",
                table: "UserSettings");

            migrationBuilder.DropColumn(
                name: "ExamTarget",
                table: "ReviewLog");

            migrationBuilder.DropColumn(
                name: "ExamUtc",
                table: "ReviewLog");
        }
    }
}
