using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class GuildTenancy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Decks_Key",
                table: "Decks");

            migrationBuilder.AddColumn<bool>(
                name: "HideFromLeaderboard",
                table: "UserSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderBlockedUtc",
                table: "UserSettings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReminderGuildId",
                table: "UserSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderLastSentUtc",
                table: "UserSettings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReminderNoticePending",
                table: "UserSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "GuildSettings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EssayDecksAddedUtc",
                table: "Guilds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeftUtc",
                table: "Guilds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GuildMembers",
                columns: table => new
                {
                    GuildId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    IsInstructor = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeftUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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

            // Hand-written: give every seeded deck an owning guild, copying it (with progress) into each
            // other guild that used it, before the column becomes NOT NULL. See GuildTenancyDataMove.
            migrationBuilder.Sql(GuildTenancyDataMove.Sql);

            migrationBuilder.AlterColumn<long>(
                name: "GuildId",
                table: "Decks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Retired",
                table: "Decks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Decks_GuildId_Key",
                table: "Decks",
                columns: new[] { "GuildId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuildMembers_UserId",
                table: "GuildMembers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuildMembers");

            migrationBuilder.DropIndex(
                name: "IX_Decks_GuildId_Key",
                table: "Decks");

            migrationBuilder.DropColumn(
                name: "HideFromLeaderboard",
                table: "UserSettings");

            migrationBuilder.DropColumn(
                name: "ReminderBlockedUtc",
                table: "UserSettings");

            migrationBuilder.DropColumn(
                name: "ReminderGuildId",
                table: "UserSettings");

            migrationBuilder.DropColumn(
                name: "ReminderLastSentUtc",
                table: "UserSettings");

            migrationBuilder.DropColumn(
                name: "ReminderNoticePending",
                table: "UserSettings");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "GuildSettings");

            migrationBuilder.DropColumn(
                name: "EssayDecksAddedUtc",
                table: "Guilds");

            migrationBuilder.DropColumn(
                name: "LeftUtc",
                table: "Guilds");

            migrationBuilder.DropColumn(
                name: "Retired",
                table: "Decks");

            migrationBuilder.AlterColumn<long>(
                name: "GuildId",
                table: "Decks",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.CreateIndex(
                name: "IX_Decks_Key",
                table: "Decks",
                column: "Key",
                unique: true);
        }
    }
}
