using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace StudyBot.Data.Postgres.Migrations
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ExamTarget",
                table: "ReviewLog",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExamUtc",
                table: "ReviewLog",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExamDates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuildId = table.Column<long>(type: "bigint", nullable: false),
                    DeckId = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SetByUserId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
