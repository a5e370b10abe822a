using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Uploader = table.Column<string>(type: "TEXT", maxLength: 240, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
                       sha, uploader, name, '', 0, at
                FROM (SELECT lower(hex(randomblob(16))) AS h, json_extract(f.value, '$.Sha256') AS sha, 'citizen:' || d."OwnerSubject" AS uploader,
                             substr(coalesce(json_extract(f.value, '$.FileName'), ''), 1, 300) AS name, d."UpdatedAt" AS at
                      FROM portal_drafts d, json_each(d."FilesJson") f
                      WHERE json_extract(f.value, '$.ReusedId') IS NULL AND length(json_extract(f.value, '$.Sha256')) = 64);
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
