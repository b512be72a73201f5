using System.Buffers.Binary;
using System.Text;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;

using Veridian.Tests;

namespace Veridian.Pkg.Tests;

/// <summary>After pkgar's and apk's tests: every region of a package, altered, is rejected with its own reason.</summary>
public class TamperTests
{
    private static readonly string[] s_files = ["bin/one", "bin/two", "lib/three"];

    /// <summary>A package of three incompressible files (stored raw by zstd, so each file's bytes can be found and altered).</summary>
    private static (string Path, byte[] Bytes, Dictionary<string, byte[]> Contents) Sample(TempDir dir)
    {
        var stage = dir["stage"];
        var contents = new Dictionary<string, byte[]>();
        var rng = new Random(7);
        foreach (var f in s_files)
        {
            var bytes = new byte[20_000];
            rng.NextBytes(bytes);
            contents[f] = bytes;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(stage, f))!);
            File.WriteAllBytes(Path.Combine(stage, f), bytes);
        }
        var output = dir["p.vpkg"];
        PackageBuilder.Build(stage, T.Manifest(), output, T.Alice);
        return (output, File.ReadAllBytes(output), contents);
    }

    private static (string Code, string Message) Reject(TempDir dir, byte[] bytes, string name)
    {
        var path = dir[name + ".vpkg"];
        File.WriteAllBytes(path, bytes);
        var e = T.Fails(() => T.Verify(path));
        return (e.Diagnostic.Code, e.Diagnostic.Message);
    }

    private static byte[] Flip(byte[] original, long offset)
    {
        var copy = (byte[])original.Clone();
        copy[offset] ^= 0x01;
        return copy;
    }

    [Fact]
    public void The_untampered_package_verifies()
    {
        using var dir = new TempDir();
        T.Verify(Sample(dir).Path);
    }

    [Fact]
    public void A_flipped_byte_in_each_region_is_rejected_with_a_distinct_reason()
    {
        using var dir = new TempDir();
        var (_, bytes, contents) = Sample(dir);
        var manifestSize = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16));
        var entriesSize = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(24));
        var manifestStart = PackageHead.MetadataStart;
        var entriesStart = manifestStart + manifestSize;
        var cases = new List<(string Region, long Offset, string Code)>
        {
            ("signature", PackageHead.Size + 40, PkgCodes.BadSignature),
            ("head", 50, PkgCodes.HeadTampered),
            ("manifest", manifestStart + 10, PkgCodes.ManifestHashMismatch),
            ("entry table", entriesStart + 7, PkgCodes.EntriesHashMismatch),
        };
        foreach (var f in s_files)
        {
            var at = bytes.AsSpan().IndexOf(contents[f].AsSpan(0, 64));
            Assert.True(at > entriesStart, $"{f} is not stored raw");
            cases.Add(("payload file " + f, at + 10_000, PkgCodes.PayloadHashMismatch));
        }
        var reasons = new List<string>();
        foreach (var (region, offset, code) in cases)
        {
            var (actual, message) = Reject(dir, Flip(bytes, offset), region.Replace(' ', '_').Replace(':', '_').Replace('/', '_'));
            Assert.True(code == actual, $"{region}: expected {code}, got {actual}: {message}");
            reasons.Add(actual + ": " + message);
            if (region.StartsWith("payload file", StringComparison.Ordinal))
                Assert.Contains($"'{region["payload file ".Length..]}'", message);
        }
        Assert.True(reasons.Count == reasons.Distinct().Count(), string.Join("\n", reasons));
    }

    [Theory]
    [InlineData(PackageHead.Size + 1)]   // R
    [InlineData(PackageHead.Size + 63)]  // top byte of S
    public void Any_altered_signature_byte_fails_the_signature_check(int offset)
    {
        using var dir = new TempDir();
        var (_, bytes, _) = Sample(dir);
        Assert.Equal(PkgCodes.BadSignature, Reject(dir, Flip(bytes, offset), "sig").Code);
    }

    [Theory]
    [InlineData(8)]    // flags
    [InlineData(20)]   // manifest size
    [InlineData(120)]  // payload hash
    [InlineData(150)]  // target
    [InlineData(210)]  // key id
    [InlineData(250)]  // reserved
    public void Any_altered_head_byte_is_reported_as_an_altered_head(int offset)
    {
        using var dir = new TempDir();
        var (_, bytes, _) = Sample(dir);
        Assert.Equal(PkgCodes.HeadTampered, Reject(dir, Flip(bytes, offset), "head").Code);
    }

    [Fact]
    public void A_truncated_package_and_trailing_bytes_are_rejected()
    {
        using var dir = new TempDir();
        var (_, bytes, _) = Sample(dir);
        Assert.Equal(PkgCodes.NotAPackage, Reject(dir, bytes[..^1], "short").Code);
        Assert.Equal(PkgCodes.NotAPackage, Reject(dir, bytes[..100], "head-only").Code);
        Assert.Equal(PkgCodes.MalformedHead, Reject(dir, [.. bytes, 0], "long").Code);
        Assert.Equal(PkgCodes.NotAPackage, Reject(dir, Encoding.ASCII.GetBytes("PK\u0003\u0004 not a package"), "zip").Code);
    }

    [Fact]
    public void An_upstream_v1_package_is_rejected_by_its_version()
    {
        using var dir = new TempDir();
        var v1 = new byte[64];
        "VPKG"u8.CopyTo(v1);
        v1[4] = 1;
        var (code, _) = Reject(dir, v1, "v1");
        Assert.Equal(PkgCodes.UnsupportedVersion, code);
    }

    [Fact]
    public void An_unsigned_package_is_rejected_then_accepted_once_signed()
    {
        using var dir = new TempDir();
        var stage = T.Tree(dir["s"], ("a", "x"));
        var path = dir["u.vpkg"];
        PackageBuilder.Build(stage, T.Manifest(), path);
        Assert.Equal(PkgCodes.NotSigned, T.Fails(() => T.Verify(path)).Diagnostic.Code);
        PackageBuilder.Sign(path, T.Alice);
        T.Verify(path);
    }

    [Fact]
    public void A_key_not_in_the_store_is_untrusted()
    {
        using var dir = new TempDir();
        var path = T.Build(dir, "m", T.Manifest(), T.Mallory, ("a", "x"));
        Assert.Equal(PkgCodes.UntrustedKey, T.Fails(() => T.Verify(path)).Diagnostic.Code);
    }

    [Fact]
    public void A_key_trusted_only_for_another_channel_is_rejected()
    {
        using var dir = new TempDir();
        var path = T.Build(dir, "tp", T.Manifest(channel: Channel.ThirdParty), T.Alice, ("a", "x"));
        var e = T.Fails(() => T.Verify(path));
        Assert.Equal(PkgCodes.WrongChannel, e.Diagnostic.Code);
        Assert.Contains("third-party", e.Diagnostic.Message);
    }

    [Fact]
    public void A_package_re_signed_by_another_key_fails_against_the_original_key()
    {
        using var dir = new TempDir();
        var path = T.Build(dir, "r", T.Manifest(), T.Alice, ("a", "x"));
        PackageBuilder.Sign(path, T.Mallory);
        Assert.Equal(PkgCodes.UntrustedKey, T.Fails(() => T.Verify(path)).Diagnostic.Code);
    }

    [Fact]
    public void A_non_canonical_manifest_is_rejected_even_when_signed()
    {
        using var dir = new TempDir();
        var manifest = T.Manifest();
        var spaced = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(manifest.Encode()).Replace(",\"version\"", ", \"version\""));
        var path = T.Forge(dir, "nc", [T.FileEntry("a", "x")], "x"u8.ToArray(), manifest, manifestBytes: spaced);
        var e = T.Fails(() => T.Verify(path));
        Assert.Equal(PkgCodes.BadManifest, e.Diagnostic.Code);
        Assert.Contains("canonical", e.Diagnostic.Message);
    }

    [Fact]
    public void A_head_target_that_differs_from_the_manifest_is_rejected()
    {
        using var dir = new TempDir();
        var path = T.Forge(dir, "ht", [T.FileEntry("a", "x")], "x"u8.ToArray(), headTarget: "aarch64-veridian-user-relibc");
        Assert.Equal(PkgCodes.BadManifest, T.Fails(() => T.Verify(path)).Diagnostic.Code);
    }

    [Fact]
    public void A_file_whose_hash_differs_from_its_entry_is_named_even_when_the_payload_hash_matches()
    {
        using var dir = new TempDir();
        var path = T.Forge(dir, "fh", [T.FileEntry("a", "x"), T.FileEntry("b", "y")], "xz"u8.ToArray());
        var e = T.Fails(() => T.Verify(path));
        Assert.Equal(PkgCodes.FileHashMismatch, e.Diagnostic.Code);
        Assert.Contains("'b'", e.Diagnostic.Message);
    }
}
