using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "audit_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "audit_entries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_checkpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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

            // Append-only in the database too: no line is deleted or truncated, and a line is updated only once, by the
            // sealing job, from unsealed to sealed with every other column unchanged. Checkpoints are never changed.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."Sequence" IS NULL AND NEW."Sequence" IS NOT NULL
                       AND NEW."PreviousHash" IS NOT NULL AND NEW."Hash" IS NOT NULL
                       AND (NEW."Id", NEW."At", NEW."Kind", NEW."Action", NEW."Subject", NEW."Details", NEW."ActorId", NEW."ActorName", NEW."Roles", NEW."UnitId", NEW."RemoteAddress")
                           IS NOT DISTINCT FROM
                           (OLD."Id", OLD."At", OLD."Kind", OLD."Action", OLD."Subject", OLD."Details", OLD."ActorId", OLD."ActorName", OLD."Roles", OLD."UnitId", OLD."RemoteAddress") THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'audit_entries is append-only: % refused (only the one-time seal of an unsealed line may be written)', TG_OP;
                END;
                $$;
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();

                CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_checkpoints is append-only: % refused', TG_OP;
                END;
                $$;
                CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
                    FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only();
                CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries;
                DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries;
                DROP FUNCTION IF EXISTS audit_entries_append_only();
                DROP TRIGGER IF EXISTS audit_checkpoints_append_only ON audit_checkpoints;
                DROP TRIGGER IF EXISTS audit_checkpoints_no_truncate ON audit_checkpoints;
                DROP FUNCTION IF EXISTS audit_checkpoints_append_only();
                """);

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
