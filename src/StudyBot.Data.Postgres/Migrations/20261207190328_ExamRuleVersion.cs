using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ExamRuleVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExamRule",
                table: "ReviewLog",
                type: "integer",
                nullable: true);

            // Every answer logged under an exam before the version was kept was scheduled under rule 1.
            migrationBuilder.Sql("UPDATE \"ReviewLog\" SET \"ExamRule\" = 1 WHERE \"ExamUtc\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExamRule",
                table: "ReviewLog");
        }
    }
}
