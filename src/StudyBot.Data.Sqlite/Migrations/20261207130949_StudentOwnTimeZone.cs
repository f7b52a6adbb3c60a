using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StudentOwnTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OwnTimeZone",
                table: "UserSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // A student whose zone is not the default chose it: it stays theirs. The others follow their server's zone.
            migrationBuilder.Sql("UPDATE \"UserSettings\" SET \"OwnTimeZone\" = 1 WHERE \"TimeZone\" <> 'UTC';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OwnTimeZone",
                table: "UserSettings");
        }
    }
}
