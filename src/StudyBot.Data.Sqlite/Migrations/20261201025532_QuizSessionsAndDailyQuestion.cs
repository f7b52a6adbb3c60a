using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuizSessionsAndDailyQuestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Daily",
                table: "Quizzes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "Quizzes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SessionId",
                table: "Quizzes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Skipped",
                table: "Quizzes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DailyQuestions",
                columns: table => new
                {
                    GuildId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<long>(type: "INTEGER", nullable: false),
                    LocalMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeckId = table.Column<int>(type: "INTEGER", nullable: true),
                    SetBy = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyQuestions", x => x.GuildId);
                    table.ForeignKey(
                        name: "FK_DailyQuestions_Decks_DeckId",
                        column: x => x.DeckId,
                        principalTable: "Decks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "QuizSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuildId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeckId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<long>(type: "INTEGER", nullable: false),
                    SecondsPerQuestion = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Stopped = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScoreboardMessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizSessions_Decks_DeckId",
                        column: x => x.DeckId,
                        principalTable: "Decks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_GuildId_Daily_OpenedUtc",
                table: "Quizzes",
                columns: new[] { "GuildId", "Daily", "OpenedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_SessionId_Position",
                table: "Quizzes",
                columns: new[] { "SessionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyQuestions_DeckId",
                table: "DailyQuestions",
                column: "DeckId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizSessions_DeckId",
                table: "QuizSessions",
                column: "DeckId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizSessions_GuildId_ChannelId_EndedUtc",
                table: "QuizSessions",
                columns: new[] { "GuildId", "ChannelId", "EndedUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_Quizzes_QuizSessions_SessionId",
                table: "Quizzes",
                column: "SessionId",
                principalTable: "QuizSessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Quizzes_QuizSessions_SessionId",
                table: "Quizzes");

            migrationBuilder.DropTable(
                name: "DailyQuestions");

            migrationBuilder.DropTable(
                name: "QuizSessions");

            migrationBuilder.DropIndex(
                name: "IX_Quizzes_GuildId_Daily_OpenedUtc",
                table: "Quizzes");

            migrationBuilder.DropIndex(
                name: "IX_Quizzes_SessionId_Position",
                table: "Quizzes");

            migrationBuilder.DropColumn(
                name: "Daily",
                table: "Quizzes");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "Quizzes");

            migrationBuilder.DropColumn(
                name: "SessionId",
                table: "Quizzes");

            migrationBuilder.DropColumn(
                name: "Skipped",
                table: "Quizzes");
        }
    }
}
