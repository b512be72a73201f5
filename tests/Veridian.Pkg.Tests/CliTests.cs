using System.Security.Cryptography;
using System.Text.Json;
using Veridian.Tests;

namespace Veridian.Pkg.Tests;

/// <summary>The <c>veridian pkg</c> commands as a user runs them: real processes of the built CLI.</summary>
public class CliTests
{
    private static readonly string s_cli = VeridianCli.Exe;

    private static ProcessResult Cli(string cwd, IReadOnlyDictionary<string, string?>? env, params string[] args) =>
        Repo.Run(s_cli, args, cwd, env, timeoutMs: 60_000);

    private const string ManifestJson = """
        { "name": "hello", "version": "1.2.0", "target": "x86_64-veridian-user-relibc", "kind": "binary", "channel": "core",
          "summary": "Says hello", "license": "MIT", "depends": [{ "name": "relibc", "range": ">=0.3.0, <0.4.0" }],
          "build": { "toolchain": { "clang": "19.1.7" } } }
        """;

    /// <summary>Writes the same tree with a shell, under a given umask, creation order and file times.</summary>
    private static void MakeTree(string root, string umask, bool reverse, string touchDate)
    {
        var steps = new List<string>
        {
            "mkdir -p usr/bin usr/share/doc/hello etc",
            "printf '#!/bin/sh\\necho hello\\n' > usr/bin/hello && chmod 755 usr/bin/hello",
            "ln -s hello usr/bin/hi",
            "printf 'docs\\n' > usr/share/doc/hello/README",
            "seq 1 20000 > usr/share/doc/hello/big.txt",
            "printf 'x=1\\n' > etc/hello.conf",
        };
        var body = reverse ? new[] { steps[0] }.Concat(steps.Skip(1).Reverse()) : steps;
        var script = $"umask {umask}; mkdir -p '{root}' && cd '{root}' && {string.Join(" && ", body)} && find . -exec touch -h -d '{touchDate}' {{}} +";
        var r = Repo.Run("/bin/bash", ["-c", script]);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    [Fact]
    public void Building_twice_under_different_dirs_times_umasks_and_creation_orders_gives_identical_bytes()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["m.json"], ManifestJson);
        var keys = Cli(dir.Path, null, "pkg", "key", "new", "alice", "--dir", dir["keys"]);
        Assert.True(keys.ExitCode == 0, keys.ToString());

        MakeTree(dir["one/stage"], "022", reverse: false, "2001-01-01 00:00");
        MakeTree(dir["second/elsewhere/tree"], "077", reverse: true, "2030-06-15 12:34");
        Directory.CreateDirectory(dir["cwd2"]);
        var env1 = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000", ["TZ"] = "UTC" };
        var env2 = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000", ["TZ"] = "Asia/Tokyo", ["LANG"] = "C" };
        var a = Cli(dir.Path, env1, "pkg", "build", "one/stage", "-m", "m.json", "-o", "a.vpkg", "--key", "keys/alice.secret");
        Assert.True(a.ExitCode == 0, a.ToString());
        Thread.Sleep(1100); // a different wall-clock second
        var b = Repo.Run("/bin/bash", ["-c", $"umask 077; exec '{s_cli}' pkg build ../second/elsewhere/tree -m ../m.json -o ../b.vpkg --key ../keys/alice.secret"], dir["cwd2"], env2);
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(dir["a.vpkg"]))), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(dir["b.vpkg"]))));

        var verify = Cli(dir.Path, null, "pkg", "verify", "a.vpkg", "--key", "keys/alice.pub");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith("ok: hello 1.2.0", verify.StdOut);

        // A different SOURCE_DATE_EPOCH is recorded, so it changes the bytes.
        var c = Cli(dir.Path, new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000001" }, "pkg", "build", "one/stage", "-m", "m.json", "-o", "c.vpkg");
        Assert.True(c.ExitCode == 0, c.ToString());
        var info = Cli(dir.Path, null, "pkg", "info", "c.vpkg", "--json");
        using var json = JsonDocument.Parse(info.StdOut);
        Assert.Equal(1700000001, json.RootElement.GetProperty("manifest").GetProperty("build").GetProperty("sourceDateEpoch").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("keyId").ValueKind);
        Assert.Equal("0755", json.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("path").GetString() == "usr/bin/hello").GetProperty("mode").GetString());
    }

    [Fact]
    public void Verify_exits_1_with_the_reason_for_a_tampered_package()
    {
        using var dir = new TempDir();
        T.Tree(dir["stage"], ("a", "content"));
        File.WriteAllText(dir["m.json"], ManifestJson);
        Assert.Equal(0, Cli(dir.Path, null, "pkg", "key", "new", "k", "--dir", "keys").ExitCode);
        Assert.Equal(0, Cli(dir.Path, null, "pkg", "build", "stage", "-m", "m.json", "-o", "p.vpkg", "--key", "keys/k.secret").ExitCode);
        var bytes = File.ReadAllBytes(dir["p.vpkg"]);
        bytes[Format.PackageHead.MetadataStart + 3] ^= 1;
        File.WriteAllBytes(dir["p.vpkg"], bytes);
        var r = Cli(dir.Path, null, "pkg", "verify", "p.vpkg", "--key", "keys/k.pub");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error VDN6008: the manifest does not match the hash in the signed head", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
    }

    [Fact]
    public void The_metadata_alone_verifies_before_the_payload_is_fetched()
    {
        using var dir = new TempDir();
        T.Tree(dir["stage"], ("a", "content"), ("b", "more"));
        File.WriteAllText(dir["m.json"], ManifestJson);
        Assert.Equal(0, Cli(dir.Path, null, "pkg", "key", "new", "k", "--dir", "keys").ExitCode);
        Assert.Equal(0, Cli(dir.Path, null, "pkg", "build", "stage", "-m", "m.json", "-o", "p.vpkg", "--key", "keys/k.secret").ExitCode);
        var info = Cli(dir.Path, null, "pkg", "info", "p.vpkg", "--json");
        var metadataSize = JsonDocument.Parse(info.StdOut).RootElement.GetProperty("metadataSize").GetInt32();
        var bytes = File.ReadAllBytes(dir["p.vpkg"]);
        File.WriteAllBytes(dir["head.vpkg"], bytes[..metadataSize]);

        var ok = Cli(dir.Path, null, "pkg", "verify", "head.vpkg", "--metadata-only", "--key", "keys/k.pub");
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains("payload not checked", ok.StdOut);
        var full = Cli(dir.Path, null, "pkg", "verify", "head.vpkg", "--key", "keys/k.pub");
        Assert.Equal(1, full.ExitCode);
        Assert.Contains("VDN6001", full.StdErr);

        bytes[metadataSize - 2] ^= 1; // the entry table's last byte
        File.WriteAllBytes(dir["head.vpkg"], bytes[..metadataSize]);
        var bad = Cli(dir.Path, null, "pkg", "verify", "head.vpkg", "--metadata-only", "--key", "keys/k.pub");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("VDN6010", bad.StdErr);
    }

    [Fact]
    public void Key_new_writes_a_0600_secret_it_never_prints_and_never_overwrites()
    {
        using var dir = new TempDir();
        var r = Cli(dir.Path, null, "pkg", "key", "new", "ci", "--dir", "k");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dir["k/ci.secret"]));
        var secretHex = File.ReadAllLines(dir["k/ci.secret"]).Single(l => l.StartsWith("secret ", StringComparison.Ordinal))[7..];
        Assert.DoesNotContain(secretHex, r.StdOut + r.StdErr);
        var pub = Crypto.KeyFile.ReadPublic(dir["k/ci.pub"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pub.Key)), pub.IdHex);
        Assert.Contains(pub.IdHex, r.StdOut);

        var before = File.ReadAllBytes(dir["k/ci.secret"]);
        var again = Cli(dir.Path, null, "pkg", "key", "new", "ci", "--dir", "k");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("VDN6026", again.StdErr);
        Assert.Equal(before, File.ReadAllBytes(dir["k/ci.secret"]));
        Assert.Empty(Directory.GetFiles(dir["k"], ".*"));

        File.SetUnixFileMode(dir["k/ci.secret"], (UnixFileMode)0x1A4);
        var loose = T.Fails(() => Crypto.KeyFile.ReadSecret(dir["k/ci.secret"]));
        Assert.Contains("readable or writable by group or others", loose.Diagnostic.Message);
    }

    [Fact]
    public async Task Two_processes_installing_into_one_sysroot_serialise_and_both_succeed()
    {
        using var dir = new TempDir();
        Assert.Equal(0, Cli(dir.Path, null, "pkg", "key", "new", "k", "--dir", "keys").ExitCode);
        Assert.Equal(0, Cli(dir.Path, null, "pkg", "init", "--sysroot", "sr", "--target", "x86_64-veridian-user-relibc").ExitCode);
        Assert.Equal(0, Cli(dir.Path, null, "pkg", "key", "trust", "keys/k.pub", "--sysroot", "sr", "--channel", "core").ExitCode);
        foreach (var name in new[] { "one", "two" })
        {
            T.Tree(dir[name], ("usr", null), ("usr/share", null), ("usr/share/" + name, name));
            File.WriteAllText(dir[name + ".json"], ManifestJson.Replace("\"hello\"", $"\"{name}\"", StringComparison.Ordinal));
            Assert.Equal(0, Cli(dir.Path, null, "pkg", "build", name, "-m", name + ".json", "-o", name + ".vpkg", "--key", "keys/k.secret").ExitCode);
        }
        var a = Task.Run(() => Cli(dir.Path, null, "pkg", "install", "one.vpkg", "--sysroot", "sr"));
        var b = Task.Run(() => Cli(dir.Path, null, "pkg", "install", "two.vpkg", "--sysroot", "sr"));
        var results = await Task.WhenAll(a, b);
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var list = Cli(dir.Path, null, "pkg", "list", "--sysroot", "sr", "--json");
        Assert.Equal(["one", "two"], JsonDocument.Parse(list.StdOut).RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.False(File.Exists(dir["sr/var/lib/veridian/pkg/journal"]));
    }

    [Theory]
    [InlineData(1)]   // before the journal: nothing happened
    [InlineData(5)]   // in the middle of staging
    [InlineData(-1)]  // the last step: after the commit, before the journal is deleted
    public void A_process_killed_during_install_is_recovered_by_the_next_command(int killAt)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["m.json"], ManifestJson);
        MakeTree(dir["stage"], "022", reverse: false, "2001-01-01 00:00");
        Assert.Equal(0, Cli(dir.Path, null, "pkg", "key", "new", "k", "--dir", "keys").ExitCode);
        Assert.Equal(0, Cli(dir.Path, null, "pkg", "build", "stage", "-m", "m.json", "-o", "p.vpkg", "--key", "keys/k.secret").ExitCode);
        foreach (var s in new[] { "ref", "sr", "count" })
        {
            Assert.Equal(0, Cli(dir.Path, null, "pkg", "init", "--sysroot", s, "--target", "x86_64-veridian-user-relibc").ExitCode);
            Assert.Equal(0, Cli(dir.Path, null, "pkg", "key", "trust", "keys/k.pub", "--sysroot", s, "--channel", "core").ExitCode);
        }
        var before = T.TreeHash(dir["sr"]).Listing;
        Assert.Equal(0, Cli(dir.Path, null, "pkg", "install", "p.vpkg", "--sysroot", "ref").ExitCode);
        var after = T.TreeHash(dir["ref"]).Listing;
        var steps = new Install.Installer(new Install.Sysroot(dir["count"])).Install([dir["p.vpkg"]]).Steps;
        var step = killAt > 0 ? killAt : steps + killAt + 1;

        var killed = Cli(dir.Path, new Dictionary<string, string?> { ["VERIDIAN_PKG_KILL_AT_STEP"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "pkg", "install", "p.vpkg", "--sysroot", "sr");
        Assert.True(killed.ExitCode == 137, $"kill at {step} of {steps}: {killed}");
        var list = Cli(dir.Path, null, "pkg", "list", "--sysroot", "sr", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(killAt > 0 ? before : after, T.TreeHash(dir["sr"]).Listing);
        if (killAt > 1)
            Assert.Contains("VDN6102", list.StdErr);
    }
}
