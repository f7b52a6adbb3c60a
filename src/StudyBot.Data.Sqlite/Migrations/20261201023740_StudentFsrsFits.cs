using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class StudentFsrsFits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FsrsFitId",
                table: "UserSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FsrsWeights",
                table: "UserSettings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FsrsFitId",
                table: "ReviewLog",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FsrsFits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    FittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reviews = table.Column<int>(type: "INTEGER", nullable: false),
                    LogLossBefore = table.Column<double>(type: "REAL", nullable: false),
                    LogLossAfter = table.Column<double>(type: "REAL", nullable: false),
                    Weights = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Adopted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FsrsFits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FsrsFits_UserId_FittedUtc",
                table: "FsrsFits",
                columns: new[] { "UserId", "FittedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FsrsFits");

            migrationBuilder.DropColumn(
                name: "FsrsFitId",
                table: "UserSettings");

            migrationBuilder.DropColumn(
                name: "FsrsWeights",
                table: "UserSettings");

            migrationBuilder.DropColumn(
                name: "FsrsFitId",
                table: "ReviewLog");
        }
    }
}
