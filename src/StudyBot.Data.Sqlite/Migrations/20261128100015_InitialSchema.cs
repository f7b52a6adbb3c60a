using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Decks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GuildId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Guilds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Guilds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserSettings",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DayStartHour = table.Column<int>(type: "INTEGER", nullable: false),
                    ReminderTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    NewPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewsPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    DesiredRetention = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSettings", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "Cards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeckId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NoteKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: true),
                    Hint = table.Column<string>(type: "TEXT", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedInVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedInVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RetiredInVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cards_Decks_DeckId",
                        column: x => x.DeckId,
                        principalTable: "Decks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeckVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeckId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CardCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<int>(type: "INTEGER", nullable: false),
                    Restored = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeckVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeckVersions_Decks_DeckId",
                        column: x => x.DeckId,
                        principalTable: "Decks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeckId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolledUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enrolments_Decks_DeckId",
                        column: x => x.DeckId,
                        principalTable: "Decks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuildSettings",
                columns: table => new
                {
                    GuildId = table.Column<long>(type: "INTEGER", nullable: false),
                    InstructorRoleId = table.Column<long>(type: "INTEGER", nullable: true),
                    StudyChannelId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuildSettings", x => x.GuildId);
                    table.ForeignKey(
                        name: "FK_GuildSettings_Guilds_GuildId",
                        column: x => x.GuildId,
                        principalTable: "Guilds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CardStates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Difficulty = table.Column<double>(type: "REAL", nullable: false),
                    Due = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ElapsedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Lapses = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReview = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LearningSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    Leech = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reps = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Stability = table.Column<double>(type: "REAL", nullable: false),
                    State = table.Column<byte>(type: "INTEGER", nullable: false),
                    Suspended = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardStates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CardStates_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Quizzes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuildId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    CardId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quizzes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Quizzes_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Rating = table.Column<byte>(type: "INTEGER", nullable: true),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    ResponseTimeMs = table.Column<int>(type: "INTEGER", nullable: false),
                    InteractionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReviewedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DesiredRetention = table.Column<double>(type: "REAL", nullable: false),
                    UndoesId = table.Column<long>(type: "INTEGER", nullable: true),
                    AfterDifficulty = table.Column<double>(type: "REAL", nullable: false),
                    AfterDue = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AfterElapsedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterLapses = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterLastReview = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AfterLearningSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterLeech = table.Column<bool>(type: "INTEGER", nullable: false),
                    AfterReps = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterScheduledDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterStability = table.Column<double>(type: "REAL", nullable: false),
                    AfterState = table.Column<byte>(type: "INTEGER", nullable: false),
                    AfterSuspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    BeforeDifficulty = table.Column<double>(type: "REAL", nullable: false),
                    BeforeDue = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BeforeElapsedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeLapses = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeLastReview = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BeforeLearningSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeLeech = table.Column<bool>(type: "INTEGER", nullable: false),
                    BeforeReps = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeScheduledDays = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeStability = table.Column<double>(type: "REAL", nullable: false),
                    BeforeState = table.Column<byte>(type: "INTEGER", nullable: false),
                    BeforeSuspended = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewLog_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuizAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuizId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Rating = table.Column<byte>(type: "INTEGER", nullable: false),
                    AnsweredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InteractionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizAnswers_Quizzes_QuizId",
                        column: x => x.QuizId,
                        principalTable: "Quizzes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cards_DeckId_Key",
                table: "Cards",
                columns: new[] { "DeckId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cards_DeckId_Ordinal",
                table: "Cards",
                columns: new[] { "DeckId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_CardStates_CardId",
                table: "CardStates",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_CardStates_UserId_CardId",
                table: "CardStates",
                columns: new[] { "UserId", "CardId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decks_Key",
                table: "Decks",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeckVersions_DeckId_Number",
                table: "DeckVersions",
                columns: new[] { "DeckId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_DeckId",
                table: "Enrolments",
                column: "DeckId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_UserId_DeckId",
                table: "Enrolments",
                columns: new[] { "UserId", "DeckId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuizAnswers_InteractionId",
                table: "QuizAnswers",
                column: "InteractionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuizAnswers_QuizId_UserId",
                table: "QuizAnswers",
                columns: new[] { "QuizId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_CardId",
                table: "Quizzes",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_GuildId_ChannelId_OpenedUtc",
                table: "Quizzes",
                columns: new[] { "GuildId", "ChannelId", "OpenedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLog_CardId",
                table: "ReviewLog",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLog_InteractionId",
                table: "ReviewLog",
                column: "InteractionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLog_UndoesId",
                table: "ReviewLog",
                column: "UndoesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLog_UserId_CardId",
                table: "ReviewLog",
                columns: new[] { "UserId", "CardId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLog_UserId_ReviewedUtc",
                table: "ReviewLog",
                columns: new[] { "UserId", "ReviewedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CardStates");

            migrationBuilder.DropTable(
                name: "DeckVersions");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "GuildSettings");

            migrationBuilder.DropTable(
                name: "QuizAnswers");

            migrationBuilder.DropTable(
                name: "ReviewLog");

            migrationBuilder.DropTable(
                name: "UserSettings");

            migrationBuilder.DropTable(
                name: "Guilds");

            migrationBuilder.DropTable(
                name: "Quizzes");

            migrationBuilder.DropTable(
                name: "Cards");

            migrationBuilder.DropTable(
                name: "Decks");
        }
    }
}
