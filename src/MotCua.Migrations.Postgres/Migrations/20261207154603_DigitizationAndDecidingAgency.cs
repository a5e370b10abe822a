using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DigitizationAndDecidingAgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<int>(
                name: "PaperOnlyReason",
                table: "dossier_documents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "platform_idempotency_keys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_idempotency_keys", x => x.Key);
                });

            // The dossiers' keys move to the platform's store (tickets use it too): a retry of a submission made before
            // the upgrade still finds its dossier.
            migrationBuilder.Sql("INSERT INTO platform_idempotency_keys (\"Key\", \"Reference\", \"CreatedAt\", \"RequestHash\") SELECT \"Key\", \"DossierCode\", \"CreatedAt\", \"RequestHash\" FROM dossier_idempotency_keys");

            migrationBuilder.DropTable(
                name: "dossier_idempotency_keys");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_idempotency_keys");

            migrationBuilder.DropColumn(
                name: "PaperOnlyReason",
                table: "dossier_documents");

            migrationBuilder.CreateTable(
                name: "dossier_idempotency_keys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_idempotency_keys", x => x.Key);
                });
        }
    }
}
