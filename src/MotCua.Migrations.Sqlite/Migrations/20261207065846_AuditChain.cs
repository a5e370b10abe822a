using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "audit_entries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "audit_entries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "audit_entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_checkpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_checkpoints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_pending",
                table: "audit_entries",
                columns: new[] { "At", "Id" },
                filter: "\"Sequence\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Sequence",
                table: "audit_entries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_checkpoints_Day",
                table: "audit_checkpoints",
                column: "Day",
                unique: true);

            // Append-only in the database too: no line is deleted, and a line is updated only once, by the sealing job,
            // from unsealed to sealed with every other column unchanged. Checkpoints are never updated nor deleted.
            // (A later migration that rebuilds these tables must create the triggers again: SQLite drops them with the table.)
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
                BEGIN
                    SELECT RAISE(ABORT, 'audit_entries is append-only: a line of the audit trail cannot be deleted');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_seal_once BEFORE UPDATE ON audit_entries
                WHEN NOT (OLD."Sequence" IS NULL AND NEW."Sequence" IS NOT NULL AND NEW."PreviousHash" IS NOT NULL AND NEW."Hash" IS NOT NULL
                    AND NEW."Id" IS OLD."Id" AND NEW."At" IS OLD."At" AND NEW."Kind" IS OLD."Kind" AND NEW."Action" IS OLD."Action"
                    AND NEW."Subject" IS OLD."Subject" AND NEW."Details" IS OLD."Details" AND NEW."ActorId" IS OLD."ActorId"
                    AND NEW."ActorName" IS OLD."ActorName" AND NEW."Roles" IS OLD."Roles" AND NEW."UnitId" IS OLD."UnitId"
                    AND NEW."RemoteAddress" IS OLD."RemoteAddress")
                BEGIN
                    SELECT RAISE(ABORT, 'audit_entries is append-only: only the one-time seal of an unsealed line may be written');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
                BEGIN
                    SELECT RAISE(ABORT, 'audit_checkpoints is append-only: a signed checkpoint cannot be changed');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
                BEGIN
                    SELECT RAISE(ABORT, 'audit_checkpoints is append-only: a signed checkpoint cannot be deleted');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_seal_once;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_checkpoints_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_checkpoints_no_delete;");

            migrationBuilder.DropTable(
                name: "audit_checkpoints");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_pending",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Sequence",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "audit_entries");
        }
    }
}
