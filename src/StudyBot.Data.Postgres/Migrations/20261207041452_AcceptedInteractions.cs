using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AcceptedInteractions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AcceptedInteractions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcceptedInteractions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AcceptedInteractions_ExpiresUtc",
                table: "AcceptedInteractions",
                column: "ExpiresUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AcceptedInteractions");
        }
    }
}
