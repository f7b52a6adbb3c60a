using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace StudyBot.Data.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GuildId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: true),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FsrsFits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    FittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reviews = table.Column<int>(type: "integer", nullable: false),
                    LogLossBefore = table.Column<double>(type: "double precision", nullable: false),
                    LogLossAfter = table.Column<double>(type: "double precision", nullable: false),
                    Weights = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Adopted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FsrsFits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Guilds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EssayDecksAddedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeftUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Guilds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserSettings",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DayStartHour = table.Column<int>(type: "integer", nullable: false),
                    ReminderTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    NewPerDay = table.Column<int>(type: "integer", nullable: false),
                    ReviewsPerDay = table.Column<int>(type: "integer", nullable: false),
                    DesiredRetention = table.Column<double>(type: "double precision", nullable: false),
                    FsrsFitId = table.Column<long>(type: "bigint", nullable: true),
                    FsrsWeights = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HideFromLeaderboard = table.Column<bool>(type: "boolean", nullable: false),
                    ReminderGuildId = table.Column<long>(type: "bigint", nullable: true),
                    ReminderLastSentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderBlockedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderNoticePending = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSettings", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "Cards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeckId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NoteKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Prompt = table.Column<string>(type: "text", nullable: false),
                    Answers = table.Column<List<string>>(type: "text[]", nullable: false),
                    Choices = table.Column<string>(type: "text", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: true),
                    Hint = table.Column<string>(type: "text", nullable: true),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    SourceText = table.Column<string>(type: "text", nullable: true),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    AddedInVersion = table.Column<int>(type: "integer", nullable: false),
                    ChangedInVersion = table.Column<int>(type: "integer", nullable: false),
                    RetiredInVersion = table.Column<int>(type: "integer", nullable: true)
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
                name: "DailyQuestions",
                columns: table => new
                {
                    GuildId = table.Column<long>(type: "bigint", nullable: false),
                    ChannelId = table.Column<long>(type: "bigint", nullable: false),
                    LocalMinute = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DeckId = table.Column<int>(type: "integer", nullable: true),
                    SetBy = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "DeckVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeckId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CardCount = table.Column<int>(type: "integer", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<int>(type: "integer", nullable: false),
                    Restored = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    DeckId = table.Column<int>(type: "integer", nullable: false),
                    EnrolledUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "QuizSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuildId = table.Column<long>(type: "bigint", nullable: false),
                    ChannelId = table.Column<long>(type: "bigint", nullable: false),
                    DeckId = table.Column<int>(type: "integer", nullable: false),
                    StartedBy = table.Column<long>(type: "bigint", nullable: false),
                    SecondsPerQuestion = table.Column<int>(type: "integer", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Stopped = table.Column<bool>(type: "boolean", nullable: false),
                    ScoreboardMessageId = table.Column<long>(type: "bigint", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "GuildMembers",
                columns: table => new
                {
                    GuildId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    IsInstructor = table.Column<bool>(type: "boolean", nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeftUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuildMembers", x => new { x.GuildId, x.UserId });
                    table.ForeignKey(
                        name: "FK_GuildMembers_Guilds_GuildId",
                        column: x => x.GuildId,
                        principalTable: "Guilds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuildSettings",
                columns: table => new
                {
                    GuildId = table.Column<long>(type: "bigint", nullable: false),
                    InstructorRoleId = table.Column<long>(type: "bigint", nullable: true),
                    StudyChannelId = table.Column<long>(type: "bigint", nullable: true),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Difficulty = table.Column<double>(type: "double precision", nullable: false),
                    Due = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ElapsedDays = table.Column<int>(type: "integer", nullable: false),
                    Lapses = table.Column<int>(type: "integer", nullable: false),
                    LastReview = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LearningSteps = table.Column<int>(type: "integer", nullable: false),
                    Leech = table.Column<bool>(type: "boolean", nullable: false),
                    Reps = table.Column<int>(type: "integer", nullable: false),
                    ScheduledDays = table.Column<int>(type: "integer", nullable: false),
                    Stability = table.Column<double>(type: "double precision", nullable: false),
                    State = table.Column<byte>(type: "smallint", nullable: false),
                    Suspended = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "ReviewLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Rating = table.Column<byte>(type: "smallint", nullable: true),
                    AnswerText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    ResponseTimeMs = table.Column<int>(type: "integer", nullable: false),
                    InteractionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReviewedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DesiredRetention = table.Column<double>(type: "double precision", nullable: false),
                    FsrsFitId = table.Column<long>(type: "bigint", nullable: true),
                    UndoesId = table.Column<long>(type: "bigint", nullable: true),
                    AfterDifficulty = table.Column<double>(type: "double precision", nullable: false),
                    AfterDue = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AfterElapsedDays = table.Column<int>(type: "integer", nullable: false),
                    AfterLapses = table.Column<int>(type: "integer", nullable: false),
                    AfterLastReview = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AfterLearningSteps = table.Column<int>(type: "integer", nullable: false),
                    AfterLeech = table.Column<bool>(type: "boolean", nullable: false),
                    AfterReps = table.Column<int>(type: "integer", nullable: false),
                    AfterScheduledDays = table.Column<int>(type: "integer", nullable: false),
                    AfterStability = table.Column<double>(type: "double precision", nullable: false),
                    AfterState = table.Column<byte>(type: "smallint", nullable: false),
                    AfterSuspended = table.Column<bool>(type: "boolean", nullable: false),
                    BeforeDifficulty = table.Column<double>(type: "double precision", nullable: false),
                    BeforeDue = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BeforeElapsedDays = table.Column<int>(type: "integer", nullable: false),
                    BeforeLapses = table.Column<int>(type: "integer", nullable: false),
                    BeforeLastReview = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BeforeLearningSteps = table.Column<int>(type: "integer", nullable: false),
                    BeforeLeech = table.Column<bool>(type: "boolean", nullable: false),
                    BeforeReps = table.Column<int>(type: "integer", nullable: false),
                    BeforeScheduledDays = table.Column<int>(type: "integer", nullable: false),
                    BeforeStability = table.Column<double>(type: "double precision", nullable: false),
                    BeforeState = table.Column<byte>(type: "smallint", nullable: false),
                    BeforeSuspended = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "Quizzes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuildId = table.Column<long>(type: "bigint", nullable: false),
                    ChannelId = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<long>(type: "bigint", nullable: true),
                    CardId = table.Column<int>(type: "integer", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SessionId = table.Column<long>(type: "bigint", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Daily = table.Column<bool>(type: "boolean", nullable: false),
                    Skipped = table.Column<bool>(type: "boolean", nullable: false)
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
                    table.ForeignKey(
                        name: "FK_Quizzes_QuizSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "QuizSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuizAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuizId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    AnswerText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Rating = table.Column<byte>(type: "smallint", nullable: false),
                    AnsweredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InteractionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                name: "IX_DailyQuestions_DeckId",
                table: "DailyQuestions",
                column: "DeckId");

            migrationBuilder.CreateIndex(
                name: "IX_Decks_GuildId_Key",
                table: "Decks",
                columns: new[] { "GuildId", "Key" },
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
                name: "IX_FsrsFits_UserId_FittedUtc",
                table: "FsrsFits",
                columns: new[] { "UserId", "FittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_GuildMembers_UserId",
                table: "GuildMembers",
                column: "UserId");

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
                name: "IX_QuizSessions_DeckId",
                table: "QuizSessions",
                column: "DeckId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizSessions_GuildId_ChannelId_EndedUtc",
                table: "QuizSessions",
                columns: new[] { "GuildId", "ChannelId", "EndedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_CardId",
                table: "Quizzes",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_GuildId_ChannelId_OpenedUtc",
                table: "Quizzes",
                columns: new[] { "GuildId", "ChannelId", "OpenedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_GuildId_Daily_OpenedUtc",
                table: "Quizzes",
                columns: new[] { "GuildId", "Daily", "OpenedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_SessionId_Position",
                table: "Quizzes",
                columns: new[] { "SessionId", "Position" });

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
                name: "DailyQuestions");

            migrationBuilder.DropTable(
                name: "DeckVersions");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "FsrsFits");

            migrationBuilder.DropTable(
                name: "GuildMembers");

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
                name: "QuizSessions");

            migrationBuilder.DropTable(
                name: "Decks");
        }
    }
}
