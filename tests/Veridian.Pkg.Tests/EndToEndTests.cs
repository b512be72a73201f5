using System.Net;
using System.Net.Sockets;
using Veridian.Tests;

namespace Veridian.Pkg.Tests;

/// <summary>
/// The documented session of docs/pkg-repository.md, run as written against Debian's nginx on 127.0.0.1, and the
/// by-name commands of the CLI as a user runs them.
/// </summary>
public class EndToEndTests
{
    private static ProcessResult Cli(string cwd, params string[] args) => Repo.Run(VeridianCli.Exe, args, cwd, null, timeoutMs: 60_000);

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>The sh block under "A session, end to end".</summary>
    private static string Session()
    {
        var doc = File.ReadAllText(Repo.PathOf("docs", "pkg-repository.md"));
        var at = doc.IndexOf("## A session, end to end", StringComparison.Ordinal);
        var start = doc.IndexOf("```sh\n", at, StringComparison.Ordinal) + 6;
        return doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_documented_session_runs_as_written_against_nginx()
    {
        Assert.True(File.Exists("/usr/sbin/nginx"), "nginx is missing: run scripts/bootstrap-host --set all");
        using var dir = new TempDir();
        File.CreateSymbolicLink(dir["veridian"], VeridianCli.Exe);
        var port = FreePort();
        File.WriteAllText(dir["session.sh"], Session().Replace("8080", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var r = Repo.Run("/bin/bash", [dir["session.sh"]], dir.Path, null, timeoutMs: 120_000);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("installed hello 1.2.0", r.StdOut);
        Assert.Contains("installed zlib 1.3.0", r.StdOut);
        Assert.Contains("installed relibc 0.3.0", r.StdOut);
        Assert.Contains("installed zlib 1.3.1", r.StdOut);
        Assert.Contains("error VDN6301: cannot remove zlib", r.StdErr);
        Assert.Contains("hello 1.2.0 depends on zlib ^1.3.0", r.StdErr);
        Assert.Contains("removed hello 1.2.0", r.StdOut);
        Assert.DoesNotContain("   at ", r.StdErr);
        // nginx is stopped with the session: the port is free again.
        using var probe = new TcpClient();
        Assert.ThrowsAny<SocketException>(() => probe.Connect(IPAddress.Loopback, port));
    }

    /// <summary>A published repository of packages built by the CLI, with a sysroot that has it as a source.</summary>
    private static void Publish(TempDir dir, params (string Name, string Version, string Target, string Depends)[] packages)
    {
        if (!Directory.Exists(dir["keys"]))
            Assert.Equal(0, Cli(dir.Path, "pkg", "key", "new", "alice", "--dir", "keys").ExitCode);
        var files = new List<string>();
        foreach (var (name, version, target, depends) in packages)
        {
            T.Tree(dir[$"st-{name}-{version}-{target}"], ($"usr/share/{name}-{target}", null), ($"usr/share/{name}-{target}/VERSION", version));
            File.WriteAllText(dir[$"{name}.json"], $$"""{"name":"{{name}}","version":"{{version}}","target":"{{target}}","kind":"library","channel":"core","depends":[{{depends}}]}""");
            var b = Cli(dir.Path, "pkg", "build", $"st-{name}-{version}-{target}", "-m", $"{name}.json", "-o", $"{name}-{version}-{target}.vpkg", "--key", "keys/alice.secret");
            Assert.True(b.ExitCode == 0, b.ToString());
            files.Add($"{name}-{version}-{target}.vpkg");
        }
        if (!Directory.Exists(dir["repo"]))
            Assert.Equal(0, Cli(dir.Path, "pkg", "repo", "init", "repo", "--keys", "rk").ExitCode);
        Assert.Equal(0, Cli(dir.Path, ["pkg", "repo", "add", "repo", .. files]).ExitCode);
        Assert.Equal(0, Cli(dir.Path, "pkg", "repo", "sign", "repo", "--role", "targets", "--key", "rk/targets.secret").ExitCode);
        Assert.Equal(0, Cli(dir.Path, "pkg", "repo", "publish", "repo", "--keys", "rk").ExitCode);
    }

    private static void Sysroot(TempDir dir, string name)
    {
        Assert.Equal(0, Cli(dir.Path, "pkg", "init", "--sysroot", name, "--target", T.Target).ExitCode);
        Assert.Equal(0, Cli(dir.Path, "pkg", "key", "trust", "keys/alice.pub", "--sysroot", name, "--channel", "core").ExitCode);
        Assert.Equal(0, Cli(dir.Path, "pkg", "source", "add", "main", "repo", "--root", "repo/1.root.json", "--sysroot", name).ExitCode);
    }

    [Fact]
    public void An_unsatisfiable_install_prints_the_explanation_exits_1_and_changes_nothing()
    {
        using var dir = new TempDir();
        Publish(dir, ("relibc", "0.3.0", "riscv64-veridian-user-relibc", ""), ("hello", "1.2.0", T.Target, """{"name":"relibc","range":">=0.3.0"}"""));
        Sysroot(dir, "sr");
        var before = T.TreeHash(dir["sr"]).Listing;
        var r = Cli(dir.Path, "pkg", "install", "hello", "--sysroot", "sr");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error VDN6301: the request cannot be satisfied", r.StdErr);
        Assert.Contains($"hello 1.2.0 depends on relibc >=0.3.0, but relibc is not available for {T.Target} (relibc 0.3.0 exists only for riscv64-veridian-user-relibc)", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
        // The update before the resolution may renew the trusted metadata; the installed tree and database are untouched.
        Assert.Equal(before.Split('\n').Where(l => !l.StartsWith("var/lib/veridian/pkg/sources", StringComparison.Ordinal)),
            T.TreeHash(dir["sr"]).Listing.Split('\n').Where(l => !l.StartsWith("var/lib/veridian/pkg/sources", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_lock_file_reproduces_an_install_in_another_sysroot_even_after_newer_versions_appear()
    {
        using var dir = new TempDir();
        Publish(dir, ("relibc", "0.3.0", T.Target, ""), ("app", "1.0.0", T.Target, """{"name":"relibc","range":"^0.3.0"}"""));
        Sysroot(dir, "one");
        var first = Cli(dir.Path, "pkg", "install", "app", "--sysroot", "one");
        Assert.True(first.ExitCode == 0, first.ToString());
        File.Copy(dir["one/etc/veridian/packages.lock"], dir["app.lock"]);
        Publish(dir, ("relibc", "0.3.1", T.Target, ""));

        Sysroot(dir, "two");
        var locked = Cli(dir.Path, "pkg", "install", "--from-lock", "app.lock", "--sysroot", "two");
        Assert.True(locked.ExitCode == 0, locked.ToString());
        Assert.Contains("installed relibc 0.3.0", locked.StdOut);
        Assert.Equal(File.ReadAllText(dir["app.lock"]), File.ReadAllText(dir["two/etc/veridian/packages.lock"]));
        Assert.Equal(T.TreeHash(dir["one/usr"]).Hash, T.TreeHash(dir["two/usr"]).Hash);

        // Without the lock, a fresh install takes the newer relibc, and upgrade moves the first sysroot to it.
        var upgrade = Cli(dir.Path, "pkg", "upgrade", "--sysroot", "one");
        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        Assert.Contains("installed relibc 0.3.1", upgrade.StdOut);
    }
}
