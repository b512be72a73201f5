using System.Security.Cryptography;
using System.Text;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.Install;
using Veridian.Pkg.IO;
using ZstdSharp;

using Veridian.Tests;

namespace Veridian.Pkg.Tests;

/// <summary>Keys, trees, manifests and packages for tests, including forged packages the builder would refuse.</summary>
internal static class T
{
    public const string Target = "x86_64-veridian-user-relibc";

    public static readonly (byte[] Secret, PublicKey Public) Alice = NewKey("alice");
    public static readonly (byte[] Secret, PublicKey Public) Mallory = NewKey("mallory");

    public static (byte[] Secret, PublicKey Public) NewKey(string name)
    {
        var secret = Ed25519Keys.NewSecret();
        return (secret, new PublicKey(name, Ed25519Keys.PublicOf(secret), []));
    }

    public static Manifest Manifest(string name = "hello", string version = "1.0.0", string target = Target, Channel channel = Channel.Core) => new()
    {
        Name = name, Version = version, Target = target, Kind = PackageKind.Binary, Channel = channel, Summary = "test package", License = "MIT",
    };

    /// <summary>Writes files: a value of null makes a directory, "->x" a symlink to x, anything else a file with that content.</summary>
    public static string Tree(string root, params (string Path, string? Content)[] items)
    {
        Directory.CreateDirectory(root);
        foreach (var (path, content) in items)
        {
            var full = System.IO.Path.Combine(root, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            if (content is null)
                Directory.CreateDirectory(full);
            else if (content.StartsWith("->", StringComparison.Ordinal))
                File.CreateSymbolicLink(full, content[2..]);
            else
                File.WriteAllText(full, content);
        }
        return root;
    }

    public static string Build(TempDir dir, string name, Manifest manifest, (byte[], PublicKey)? key, params (string Path, string? Content)[] items)
    {
        var stage = Tree(dir[name + ".stage"], items);
        var output = dir[name + ".vpkg"];
        PackageBuilder.Build(stage, manifest, output, key ?? Alice);
        return output;
    }

    /// <summary>A signed package assembled from raw parts, bypassing every builder check (an attacker's or a buggy signer's package).</summary>
    public static string Forge(TempDir dir, string name, IReadOnlyList<Entry> entries, byte[] content, Manifest? manifest = null,
        (byte[] Secret, PublicKey Public)? key = null, byte[]? manifestBytes = null, long? contentSize = null, string? headTarget = null, byte[]? payload = null)
    {
        manifest ??= Manifest(name);
        key ??= Alice;
        manifestBytes ??= manifest.Encode();
        var entryBytes = EntryTable.Encode(entries);
        payload ??= new Compressor(3).Wrap(content).ToArray();
        var head = new PackageHead
        {
            ManifestSize = manifestBytes.Length, EntriesSize = entryBytes.Length, PayloadSize = payload.Length,
            ContentSize = contentSize ?? content.Length, ManifestSha256 = Sha256Hash.Of(manifestBytes), EntriesSha256 = Sha256Hash.Of(entryBytes),
            PayloadSha256 = Sha256Hash.Of(payload), Target = headTarget ?? manifest.Target, KeyId = key.Value.Public.Id,
        };
        var headBytes = head.Encode();
        var signature = Ed25519Keys.Sign(key.Value.Secret, PackageHead.SignedMessage(headBytes));
        var path = dir[name + ".vpkg"];
        File.WriteAllBytes(path, [.. headBytes, .. signature, .. Sha256Hash.Of(headBytes), .. manifestBytes, .. entryBytes, .. payload]);
        return path;
    }

    public static Entry FileEntry(string path, string content, bool exec = false) =>
        Entry.FileOf(path, exec, Encoding.UTF8.GetByteCount(content), Sha256Hash.Of(Encoding.UTF8.GetBytes(content)));

    /// <summary>A sysroot for <see cref="Target"/> trusting Alice for core and devel.</summary>
    public static Sysroot Sysroot(TempDir dir, string name = "sysroot")
    {
        var s = Pkg.Install.Sysroot.Init(dir[name], Target);
        TrustStore.Trust(s.Full(Pkg.Install.Sysroot.KeysDir), Alice.Public, [Channel.Core, Channel.Devel]);
        return s;
    }

    public static DiagnosticException Fails(Action action) => Assert.Throws<DiagnosticException>(action);

    /// <summary>Verifies a package fully (metadata and payload) against a trust store.</summary>
    public static void Verify(string path, TrustStore? trust = null, PackageLimits? limits = null)
    {
        var p = Package.Open(path, limits);
        p.Verify(trust ?? new TrustStore([Alice.Public with { Channels = [Channel.Core, Channel.Devel] }]), limits);
        p.VerifyPayload();
    }

    /// <summary>
    /// A hash of a whole tree: every path (sorted), its kind, permission bits, content hash or link target.
    /// Returns the listing too, so a failing comparison can show the difference.
    /// </summary>
    public static (string Hash, string Listing) TreeHash(string root)
    {
        var lines = new List<string>();
        void Walk(string rel)
        {
            var full = rel.Length == 0 ? root : System.IO.Path.Combine(root, rel);
            foreach (var child in Directory.EnumerateFileSystemEntries(full).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal))
            {
                var r = rel.Length == 0 ? child! : rel + "/" + child;
                var f = System.IO.Path.Combine(root, r);
                var info = Posix.Lstat(f);
                var detail = info.Kind switch
                {
                    NodeKind.File => Sha256Hash.HexOfFile(f),
                    NodeKind.Symlink => "-> " + new FileInfo(f).LinkTarget,
                    _ => "",
                };
                lines.Add($"{r} {info.Kind} {Convert.ToString(info.Mode, 8)} {detail}");
                if (info.Kind == NodeKind.Directory)
                    Walk(r);
            }
        }
        Walk("");
        var listing = string.Join("\n", lines);
        return (Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(listing))), listing);
    }

    public static void SameTree(string expectedListing, string root)
    {
        var actual = TreeHash(root).Listing;
        Assert.Equal(expectedListing, actual);
    }
}
