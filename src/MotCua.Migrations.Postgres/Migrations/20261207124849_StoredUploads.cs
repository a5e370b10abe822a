using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StoredUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stored_uploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Uploader = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false),
                    FileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stored_uploads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stored_uploads_Sha256_Uploader",
                table: "stored_uploads",
                columns: new[] { "Sha256", "Uploader" });

            migrationBuilder.CreateIndex(
                name: "IX_stored_uploads_UploadedAt",
                table: "stored_uploads",
                column: "UploadedAt");

            // Files of drafts in progress were uploaded by the draft's owner before uploaders were recorded: record them
            // as theirs, so that a draft saved before this version can still be submitted.
            migrationBuilder.Sql("""
                INSERT INTO stored_uploads ("Id", "Sha256", "Uploader", "FileName", "ContentType", "Size", "UploadedAt")
                SELECT gen_random_uuid(), f.value->>'Sha256', 'citizen:' || d."OwnerSubject", left(coalesce(f.value->>'FileName', ''), 300), '', 0, d."UpdatedAt"
                FROM portal_drafts d, jsonb_each(d."FilesJson"::jsonb) f
                WHERE (f.value->>'ReusedId') IS NULL AND length(f.value->>'Sha256') = 64;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stored_uploads");
        }
    }
}
