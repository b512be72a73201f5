using Veridian.Pkg.Format;

using Veridian.Tests;

namespace Veridian.Pkg.Tests;

/// <summary>Size and ratio bombs: caps are checked from the signed head before decompressing, and decompression stops at the declared size.</summary>
public class BombTests
{
    [Fact]
    public void A_ratio_above_the_cap_is_rejected_from_the_head_alone()
    {
        using var dir = new TempDir();
        var zeros = new byte[4 << 20];
        var path = T.Forge(dir, "ratio", [T.FileEntry("z", "") with { Size = zeros.Length, Sha256 = Common.Sha256Hash.Of(zeros) }], zeros);
        var e = T.Fails(() => Package.Open(path));
        Assert.Equal(PkgCodes.LimitExceeded, e.Diagnostic.Code);
        Assert.Contains("compression ratio", e.Diagnostic.Message);
    }

    [Fact]
    public void A_payload_that_inflates_past_the_declared_size_is_stopped()
    {
        using var dir = new TempDir();
        // The entry table (and signed head) declare 1 byte; the zstd stream holds 1 MiB.
        var big = new byte[1 << 20];
        var payload = new ZstdSharp.Compressor(3).Wrap(big).ToArray();
        var path = T.Forge(dir, "liar", [T.FileEntry("a", "\0")], [0], payload: payload);
        var e = T.Fails(() => T.Verify(path));
        Assert.Equal(PkgCodes.BadPayload, e.Diagnostic.Code);
        Assert.Contains("more bytes than the entry table declares", e.Diagnostic.Message);
    }

    [Fact]
    public void A_payload_shorter_than_declared_is_rejected()
    {
        using var dir = new TempDir();
        var path = T.Forge(dir, "short", [T.FileEntry("a", "hello world")], "hello"u8.ToArray(), contentSize: 11);
        var e = T.Fails(() => T.Verify(path));
        Assert.Equal(PkgCodes.BadPayload, e.Diagnostic.Code);
    }

    [Fact]
    public void A_declared_size_above_the_content_cap_is_rejected_before_reading()
    {
        using var dir = new TempDir();
        var path = T.Forge(dir, "huge", [T.FileEntry("a", "x") with { Size = 1L << 40 }], "x"u8.ToArray(), contentSize: 1);
        var e = T.Fails(() => T.Verify(path));
        Assert.Equal(PkgCodes.LimitExceeded, e.Diagnostic.Code);
    }

    [Fact]
    public void Entry_count_and_path_length_caps_hold()
    {
        using var dir = new TempDir();
        var many = Enumerable.Range(0, 20).Select(i => Entry.Dir($"d{i:00}")).ToArray();
        var path = T.Forge(dir, "many", many, []);
        var limits = PackageLimits.Default with { MaxEntries = 10 };
        Assert.Equal(PkgCodes.LimitExceeded, T.Fails(() => T.Verify(path, limits: limits)).Diagnostic.Code);

        var longName = T.Forge(dir, "long", [Entry.Dir(new string('a', 300))], []);
        Assert.Equal(PkgCodes.LimitExceeded, T.Fails(() => T.Verify(longName)).Diagnostic.Code);
        var deep = string.Join('/', Enumerable.Range(0, 120).Select(i => $"d{i:000}0000"));
        var deepEntries = Enumerable.Range(1, 120).Select(n => Entry.Dir(string.Join('/', deep.Split('/').Take(n)))).ToArray();
        Assert.Equal(PkgCodes.LimitExceeded, T.Fails(() => T.Verify(T.Forge(dir, "deep", deepEntries, []))).Diagnostic.Code);
    }
}
