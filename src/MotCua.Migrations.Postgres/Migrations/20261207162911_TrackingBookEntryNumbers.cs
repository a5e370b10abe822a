using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TrackingBookEntryNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BookNumber",
                table: "dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BookYear",
                table: "dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SetsReceived",
                table: "dossiers",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "tracking_book_counters",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tracking_book_counters", x => new { x.UnitId, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_ReceivingUnitId_BookYear_BookNumber",
                table: "dossiers",
                columns: new[] { "ReceivingUnitId", "BookYear", "BookNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tracking_book_counters");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_ReceivingUnitId_BookYear_BookNumber",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "BookNumber",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "BookYear",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "SetsReceived",
                table: "dossiers");
        }
    }
}
