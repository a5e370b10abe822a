using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KioskDevicesAndRemoteTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "KioskId",
                table: "queue_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PriorityCheck",
                table: "queue_tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RemoteAddress",
                table: "queue_tickets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemoteDevice",
                table: "queue_tickets",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "queue_kiosks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_queue_kiosks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_queue_tickets_Day_RemoteAddress",
                table: "queue_tickets",
                columns: new[] { "Day", "RemoteAddress" });

            migrationBuilder.CreateIndex(
                name: "IX_queue_tickets_Day_RemoteDevice",
                table: "queue_tickets",
                columns: new[] { "Day", "RemoteDevice" });

            migrationBuilder.CreateIndex(
                name: "IX_queue_kiosks_PointId",
                table: "queue_kiosks",
                column: "PointId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "queue_kiosks");

            migrationBuilder.DropIndex(
                name: "IX_queue_tickets_Day_RemoteAddress",
                table: "queue_tickets");

            migrationBuilder.DropIndex(
                name: "IX_queue_tickets_Day_RemoteDevice",
                table: "queue_tickets");

            migrationBuilder.DropColumn(
                name: "KioskId",
                table: "queue_tickets");

            migrationBuilder.DropColumn(
                name: "PriorityCheck",
                table: "queue_tickets");

            migrationBuilder.DropColumn(
                name: "RemoteAddress",
                table: "queue_tickets");

            migrationBuilder.DropColumn(
                name: "RemoteDevice",
                table: "queue_tickets");
        }
    }
}
