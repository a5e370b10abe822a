using System.Reflection;
using MotCua.Platform.Audit;

namespace MotCua.Tests.Platform;

/// <summary>
/// The audit chain's arithmetic and the verifier's walk (<see cref="VerifyAuditTrail.CheckAsync"/>), on lines built and
/// broken in memory: every kind of tampering is named at its first broken link.
/// </summary>
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Day1 = new(2026, 12, 7);
    private static readonly DateOnly Day2 = new(2026, 12, 8);
    private static readonly AuditKey Key = AuditKey.Parse(Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()), out _)!;

    [Fact]
    public async Task An_intact_chain_with_its_checkpoints_verifies()
    {
        var lines = Chain(6);
        var verdict = await CheckAsync(lines, Checkpoint(Day1, lines, 0), Checkpoint(Day2, lines, 4));

        verdict.Intact.ShouldBeTrue(verdict.FirstBreak?.ToString());
        verdict.Sealed.ShouldBe(6);
        verdict.Checkpoints.ShouldBe(2);
        verdict.LastCheckpoint.ShouldBe(Day2);
        verdict.Summary.ShouldStartWith("Nhật ký kiểm toán nguyên vẹn: 6 bản ghi đã niêm phong (số 1 đến 6), 2 điểm kiểm tra đã ký (gần nhất ngày 08/12/2026)");
    }

    [Fact]
    public async Task An_empty_trail_is_intact()
    {
        (await CheckAsync([])).Intact.ShouldBeTrue();
        var verdict = await CheckAsync([], Checkpoint(Day1, [], 0));
        verdict.Intact.ShouldBeTrue();
        verdict.Sealed.ShouldBe(0);
    }

    [Fact]
    public void Each_line_links_to_the_one_before()
    {
        var lines = Chain(3);
        lines[0].PreviousHash.ShouldBe(AuditChain.Genesis);
        lines[1].PreviousHash.ShouldBe(lines[0].Hash);
        lines[2].PreviousHash.ShouldBe(lines[1].Hash);
        lines.Select(l => l.Sequence).ShouldBe([1L, 2L, 3L]);
        lines.ShouldAllBe(l => l.Hash!.Length == 64);
        Should.Throw<InvalidOperationException>(() => lines[0].Seal(9, AuditChain.Genesis)).Message.ShouldContain("already sealed");
    }

    [Theory]
    [InlineData(nameof(AuditEntry.Subject))]
    [InlineData(nameof(AuditEntry.Details))]
    [InlineData(nameof(AuditEntry.Action))]
    [InlineData(nameof(AuditEntry.ActorName))]
    [InlineData(nameof(AuditEntry.ActorId))]
    [InlineData(nameof(AuditEntry.Roles))]
    [InlineData(nameof(AuditEntry.UnitId))]
    [InlineData(nameof(AuditEntry.RemoteAddress))]
    [InlineData(nameof(AuditEntry.Kind))]
    [InlineData(nameof(AuditEntry.At))]
    [InlineData(nameof(AuditEntry.Id))]
    public async Task Any_field_changed_after_sealing_is_named_at_its_line(string field)
    {
        var lines = Chain(5);
        var property = typeof(AuditEntry).GetProperty(field)!;
        lines[2] = Copy(lines[2], field, property.PropertyType switch
        {
            var t when t == typeof(string) => "sửa đổi",
            var t when t == typeof(Guid) || t == typeof(Guid?) => Guid.NewGuid(),
            var t when t == typeof(AuditKind) => AuditKind.SignIn,
            _ => Monday.AddMinutes(-1),
        });

        var broken = (await CheckAsync(lines)).FirstBreak.ShouldNotBeNull();
        broken.Sequence.ShouldBe(3);
        broken.What.ShouldContain("nội dung đã bị sửa sau khi niêm phong");
        broken.ToString().ShouldStartWith("bản ghi số 3 (");
    }

    [Fact]
    public async Task A_deleted_line_is_named_by_its_missing_number()
    {
        var lines = Chain(5);
        lines.RemoveAt(2);

        var verdict = await CheckAsync(lines);
        verdict.Intact.ShouldBeFalse();
        verdict.FirstBreak!.Sequence.ShouldBe(3);
        verdict.FirstBreak.What.ShouldBe("thiếu bản ghi số 3 (sau số 2 là số 4): bản ghi đã bị xóa.");
        verdict.Summary.ShouldStartWith("Nhật ký kiểm toán bị phá vỡ tại bản ghi số 3 (");
    }

    [Fact]
    public async Task A_line_whose_sequence_was_renumbered_to_hide_a_deletion_no_longer_links()
    {
        var lines = Chain(5);
        lines.RemoveAt(2);
        lines[2] = Copy(lines[2], "Sequence", (long?)3);
        lines[3] = Copy(lines[3], "Sequence", (long?)4);

        var broken = (await CheckAsync(lines)).FirstBreak!;
        broken.Sequence.ShouldBe(3);
        broken.What.ShouldContain("không nối với bản ghi số 2");
    }

    [Fact]
    public async Task A_chain_rewritten_with_recomputed_hashes_is_caught_by_the_signed_checkpoint()
    {
        var lines = Chain(6);
        var day1 = Checkpoint(Day1, lines, 0);
        var day2 = Checkpoint(Day2, lines, 4);

        // Whoever can write to the database changes line 2 and seals everything again: every link holds.
        var rewritten = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        foreach (var line in lines)
        {
            var copy = Copy(line, nameof(AuditEntry.Subject), line.Sequence == 2 ? "dossier:KHAC" : line.Subject, unsealed: true);
            copy.Seal(line.Sequence!.Value, previous);
            previous = copy.Hash!;
            rewritten.Add(copy);
        }

        var broken = (await CheckAsync(rewritten, day1, day2)).FirstBreak!;
        broken.Sequence.ShouldBe(4);
        broken.What.ShouldBe("chuỗi không khớp điểm kiểm tra đã ký ngày 08/12/2026: các bản ghi từ số 1 đến 4 đã bị viết lại.");
    }

    [Fact]
    public async Task Cutting_the_tail_before_a_checkpoint_is_caught()
    {
        var lines = Chain(5);
        var day2 = Checkpoint(Day2, lines, 5);

        var broken = (await CheckAsync(lines.Take(3).ToList(), day2)).FirstBreak!;
        broken.Sequence.ShouldBe(4);
        broken.What.ShouldBe("chuỗi dừng ở số 3 nhưng điểm kiểm tra ngày 08/12/2026 đã ký đến số 5: các bản ghi từ số 4 đến 5 đã bị xóa.");
    }

    [Fact]
    public async Task A_checkpoint_changed_or_signed_with_another_key_is_refused()
    {
        var lines = Chain(5);
        var honest = Checkpoint(Day2, lines, 3);
        var moved = new AuditCheckpoint { Day = honest.Day, LastSequence = 2, LastHash = lines[1].Hash!, SignedAt = honest.SignedAt, KeyId = honest.KeyId, Signature = honest.Signature };
        var broken = (await CheckAsync(lines, moved)).FirstBreak!;
        broken.Sequence.ShouldBe(2);
        broken.What.ShouldContain("chữ ký của điểm kiểm tra ngày 08/12/2026 không hợp lệ");

        var other = AuditKey.Parse(Convert.ToBase64String(new byte[32]), out _)!;
        var foreign = new AuditCheckpoint { Day = Day2, LastSequence = 3, LastHash = lines[2].Hash!, SignedAt = Monday, KeyId = other.Id, Signature = AuditChain.Sign(other, Day2, 3, lines[2].Hash!) };
        (await CheckAsync(lines, foreign)).FirstBreak!.What.ShouldContain("được ký bằng một khóa khác");
    }

    [Fact]
    public async Task The_first_broken_link_is_the_lowest_number_wrong()
    {
        var lines = Chain(8);
        var day2 = Checkpoint(Day2, lines, 8);
        lines[6] = Copy(lines[6], nameof(AuditEntry.Details), "sửa");
        lines[1] = Copy(lines[1], nameof(AuditEntry.Details), "sửa");

        (await CheckAsync(lines, day2)).FirstBreak!.Sequence.ShouldBe(2);
    }

    [Fact]
    public void The_canonical_form_keeps_fields_apart_and_a_missing_value_apart_from_an_empty_one()
    {
        var a = Line(subject: "dossier:A|B", details: null);
        var b = Line(subject: "dossier:A", details: "|B");
        var c = Line(subject: "dossier:A|B", details: "");
        var hashes = new[] { a, b, c }.Select(l => AuditChain.HashOf(l, 1, AuditChain.Genesis)).ToList();
        hashes.Distinct().Count().ShouldBe(3);
        AuditChain.HashOf(a, 1, AuditChain.Genesis).ShouldNotBe(AuditChain.HashOf(a, 2, AuditChain.Genesis), "the sequence is part of the line");
    }

    [Fact]
    public void The_hash_of_a_line_never_changes_across_versions()
    {
        // Every sealed line in every database depends on this form: changing it breaks all chains.
        var line = new AuditEntry
        {
            Id = Guid.Parse("0193a5b2-7c00-7abc-8def-0123456789ab"),
            At = new DateTimeOffset(2026, 12, 7, 2, 30, 15, 123, TimeSpan.Zero).AddTicks(4567),
            Kind = AuditKind.Read,
            Action = "dossier.read",
            Subject = "dossier:000.00.12.H26-261207-0001",
            Details = "Tiếp nhận hồ sơ tại quầy",
            ActorId = Guid.Parse("0193a5b2-7c00-7abc-8def-000000000001"),
            ActorName = "tiepnhan",
            Roles = "ReceptionOfficer",
            UnitId = Guid.Parse("0193a5b2-7c00-7abc-8def-000000000002"),
            RemoteAddress = "127.0.0.1",
        };
        AuditChain.HashOf(line, 42, AuditChain.Genesis).ShouldBe(PinnedHash);
        AuditChain.Sign(Key, Day1, 42, PinnedHash).ShouldBe(PinnedSignature);
    }

    [Fact]
    public void The_key_is_32_bytes_or_more_and_its_id_tells_keys_apart_without_revealing_them()
    {
        AuditKey.Parse(null, out var missing).ShouldBeNull();
        missing!.ShouldStartWith("MotCua:Audit:CheckpointKey is not set");
        AuditKey.Parse(Convert.ToBase64String(new byte[31]), out var shortKey).ShouldBeNull();
        shortKey!.ShouldContain("32 or more bytes");
        AuditKey.Parse("%%%", out _).ShouldBeNull();
        Key.Id.Length.ShouldBe(16);
        Key.Id.ShouldNotBe(AuditKey.Development.Id);
        AuditKey.Development.IsDevelopmentKey.ShouldBeTrue();
    }

    /// <summary>Computed once, and again by an independent implementation (Python's hashlib and hmac) of the documented form.</summary>
    private const string PinnedHash = "3da11ad8535c81d98c0aeda6d664da15fde4602b00975378ae4cdb114de8ccd7";
    private const string PinnedSignature = "c2b54bd93bcc60b87a3175597ef3846b2e119f7e66aaa9549b13f772ed55ada3";

    private static Task<AuditVerdict> CheckAsync(List<AuditEntry> lines, params AuditCheckpoint[] checkpoints)
        => VerifyAuditTrail.CheckAsync(lines.ToAsyncEnumerable(), checkpoints, Key, CancellationToken.None);

    private static AuditEntry Line(string subject = "dossier:X", string? details = "chi tiết", int minute = 0) => new()
    {
        At = Monday.AddMinutes(minute),
        Kind = AuditKind.Change,
        Action = "dossier.received",
        Subject = subject,
        Details = details,
        ActorId = Guid.CreateVersion7(),
        ActorName = "tiepnhan",
        Roles = "ReceptionOfficer",
        UnitId = Guid.CreateVersion7(),
        RemoteAddress = "10.0.0.7",
    };

    /// <summary>Lines 1…<paramref name="count"/>, sealed as the job seals them.</summary>
    private static List<AuditEntry> Chain(int count)
    {
        var lines = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var line = Line(subject: $"dossier:X-{i}", minute: i);
            line.Seal(i, previous);
            previous = line.Hash!;
            lines.Add(line);
        }

        return lines;
    }

    private static AuditCheckpoint Checkpoint(DateOnly day, List<AuditEntry> lines, long last)
    {
        var hash = last == 0 ? AuditChain.Genesis : lines.Single(l => l.Sequence == last).Hash!;
        return new AuditCheckpoint { Day = day, LastSequence = last, LastHash = hash, SignedAt = Monday, KeyId = Key.Id, Signature = AuditChain.Sign(Key, day, last, hash) };
    }

    /// <summary>The line as it would read after someone changed one column in the database (its seal left as it was, unless <paramref name="unsealed"/>).</summary>
    private static AuditEntry Copy(AuditEntry line, string field, object? value, bool unsealed = false)
    {
        var copy = new AuditEntry();
        foreach (var p in typeof(AuditEntry).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (unsealed && p.Name is nameof(AuditEntry.Sequence) or nameof(AuditEntry.PreviousHash) or nameof(AuditEntry.Hash))
            {
                continue;
            }

            p.SetValue(copy, p.Name == field ? value : p.GetValue(line));
        }

        return copy;
    }
}
