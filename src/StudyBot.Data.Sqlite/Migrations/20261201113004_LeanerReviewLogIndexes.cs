using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LeanerReviewLogIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewLog_CardId",
                table: "ReviewLog");

            migrationBuilder.DropIndex(
                name: "IX_ReviewLog_UndoesId",
                table: "ReviewLog");

            migrationBuilder.DropIndex(
                name: "IX_ReviewLog_UserId_CardId",
                table: "ReviewLog");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLog_CardId_UserId",
                table: "ReviewLog",
                columns: new[] { "CardId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLog_UndoesId",
                table: "ReviewLog",
                column: "UndoesId",
                unique: true,
                filter: "\"UndoesId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewLog_CardId_UserId",
                table: "ReviewLog");

            migrationBuilder.DropIndex(
                name: "IX_ReviewLog_UndoesId",
                table: "ReviewLog");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLog_CardId",
                table: "ReviewLog",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLog_UndoesId",
                table: "ReviewLog",
                column: "UndoesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLog_UserId_CardId",
                table: "ReviewLog",
                columns: new[] { "UserId", "CardId" });
        }
    }
}
