using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuizChoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Choices",
                table: "Quizzes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "BasicAsTyped",
                table: "DailyQuestions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Choices",
                table: "Quizzes");

            migrationBuilder.DropColumn(
                name: "BasicAsTyped",
                table: "DailyQuestions");
        }
    }
}
