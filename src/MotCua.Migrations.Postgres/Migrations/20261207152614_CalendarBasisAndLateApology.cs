using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CalendarBasisAndLateApology : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegalBasisVi",
                table: "org_calendar_days",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ApologyLate",
                table: "dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "DueProvisional",
                table: "dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "OriginalDueProvisional",
                table: "dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LegalBasisVi",
                table: "org_calendar_days");

            migrationBuilder.DropColumn(
                name: "ApologyLate",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "DueProvisional",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "OriginalDueProvisional",
                table: "dossiers");
        }
    }
}
