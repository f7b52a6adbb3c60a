using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewDays",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeckId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Answers = table.Column<int>(type: "INTEGER", nullable: false),
                    Again = table.Column<int>(type: "INTEGER", nullable: false),
                    MatureAnswers = table.Column<int>(type: "INTEGER", nullable: false),
                    MatureAgain = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDays", x => new { x.UserId, x.DeckId, x.Day });
                    table.ForeignKey(
                        name: "FK_ReviewDays_Decks_DeckId",
                        column: x => x.DeckId,
                        principalTable: "Decks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewLogCuts",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Entries = table.Column<int>(type: "INTEGER", nullable: false),
                    CutUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewLogCuts", x => new { x.UserId, x.CardId });
                    table.ForeignKey(
                        name: "FK_ReviewLogCuts_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDays_DeckId",
                table: "ReviewDays",
                column: "DeckId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogCuts_CardId",
                table: "ReviewLogCuts",
                column: "CardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewDays");

            migrationBuilder.DropTable(
                name: "ReviewLogCuts");
        }
    }
}
