using Veridian.Host;
using Veridian.Tests;

namespace Veridian.Cli.Tests;

/// <summary>
/// The fresh-machine path, tested on a machine that already has everything: <c>scripts/bootstrap-host</c>
/// and the <c>./veridian</c> launcher run with a PATH where <c>dpkg-query</c>, <c>apt-get</c>, <c>sudo</c>
/// and <c>id</c> are shims that play a machine with nothing (or some things) installed, a user who is not
/// root, a failing or ignorant apt. Every other command on that PATH is the real one.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BootstrapShimTests : IDisposable
{
    private static readonly string[] s_runSet = PackagesOf(HostPackageSet.Run);
    private static readonly string[] s_allSets = PackagesOf(HostPackageSet.Run, HostPackageSet.Test);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("veridian-bootstrap-");
    private string Bin => Path.Combine(_dir.FullName, "bin");
    private string Log => Path.Combine(_dir.FullName, "calls.log");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>A simulated host: what dpkg reports installed, who we are, whether sudo works, what apt does.</summary>
    private sealed record Host(string[] Installed, int Uid = 0, string Sudo = "absent", string Apt = "ok");

    private ProcessResult Bootstrap(Host host, params string[] args) =>
        RunWithShims(host, Repo.PathOf("scripts", "bootstrap-host"), args);

    private ProcessResult RunWithShims(Host host, string program, string[] args)
    {
        MakeShimPath(host);
        return Repo.Run(program, args, environment: new Dictionary<string, string?>
        {
            ["PATH"] = Bin,
            ["SHIM_LOG"] = Log,
            ["SHIM_INSTALLED"] = " " + string.Join(' ', host.Installed) + " ",
            ["SHIM_UID"] = host.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SHIM_APT"] = host.Apt,
            ["VERIDIAN_NO_BOOTSTRAP"] = null,
        });
    }

    /// <summary>The calls the shims saw, one line each ("apt-get install -y ...").</summary>
    private string[] Calls => File.Exists(Log) ? File.ReadAllLines(Log) : [];

    private string[] AptInstallRequests => Calls
        .Select(l => l.StartsWith("sudo -n ", StringComparison.Ordinal) ? l["sudo -n ".Length..] : l)
        .Where(l => l.StartsWith("apt-get install", StringComparison.Ordinal))
        .ToArray();

    /// <summary>The packages the one <c>apt-get install</c> call asked for.</summary>
    private string[] RequestedPackages()
    {
        var requests = AptInstallRequests;
        Assert.True(requests.Length == 1, "expected one apt-get install, saw:\n" + string.Join('\n', Calls));
        return requests[0].Split(' ').Skip(2).Where(w => !w.StartsWith('-')).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Nothing_installed_as_root_installs_exactly_the_run_set_and_says_so()
    {
        var r = Bootstrap(new Host(Installed: []));

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(s_runSet, RequestedPackages());
        Assert.Contains("apt-get update -q", Calls);
        foreach (var p in s_runSet)
            Assert.Contains(p, r.StdErr);
        Assert.Contains("installed", r.StdErr);
    }

    [Fact]
    public void Some_installed_asks_apt_for_exactly_the_missing_ones()
    {
        string[] present = ["clang-19", "qemu-system-x86", "opensbi"];
        var r = Bootstrap(new Host(Installed: present));

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(s_runSet.Except(present).ToArray(), RequestedPackages());
    }

    [Fact]
    public void The_test_set_is_installed_only_when_asked_for()
    {
        var r = Bootstrap(new Host(Installed: s_runSet), "--set", "all");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(s_allSets.Except(s_runSet).ToArray(), RequestedPackages());
        Assert.Contains("csmith", RequestedPackages());
    }

    [Fact]
    public void Everything_installed_calls_no_apt_and_exits_0()
    {
        var r = Bootstrap(new Host(Installed: s_allSets), "--set", "all");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.DoesNotContain(Calls, c => c.Contains("apt-get", StringComparison.Ordinal));
        Assert.Contains("are present", r.StdOut);
    }

    [Theory]
    [InlineData("absent")]
    [InlineData("password")]
    public void Not_root_without_passwordless_sudo_exits_2_with_the_exact_command(string sudo)
    {
        string[] present = ["lld-19"];
        var r = Bootstrap(new Host(Installed: present, Uid: 1000, Sudo: sudo));

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Empty(AptInstallRequests);
        var missing = string.Join(' ', s_runSet.Except(present));
        Assert.Contains("missing host packages", r.StdErr);
        Assert.Contains($"sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends {missing}'", r.StdErr);
    }

    [Fact]
    public void Not_root_with_passwordless_sudo_installs_through_sudo()
    {
        var r = Bootstrap(new Host(Installed: [], Uid: 1000, Sudo: "yes"));

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains(Calls, c => c.StartsWith("sudo -n apt-get install", StringComparison.Ordinal));
        Assert.Equal(s_runSet, RequestedPackages());
    }

    [Fact]
    public void A_failing_apt_exits_2_naming_the_packages_and_the_command()
    {
        var r = Bootstrap(new Host(Installed: [], Apt: "fail"));

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("apt-get failed", r.StdErr);
        Assert.Contains("simulated dpkg failure", r.StdErr);
        Assert.Contains(string.Join(' ', s_runSet), r.StdErr);
    }

    [Fact]
    public void A_package_apt_does_not_know_is_named_in_the_error()
    {
        var r = Bootstrap(new Host(Installed: [], Apt: "unknown:qemu-system-misc"));

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("apt-get knows no package named: qemu-system-misc", r.StdErr);
    }

    [Fact]
    public void Check_mode_never_installs_and_lists_what_is_missing()
    {
        var r = Bootstrap(new Host(Installed: []), "--check");

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Empty(AptInstallRequests);
        Assert.Contains(string.Join(' ', s_runSet), r.StdErr);
    }

    [Fact]
    public void The_launcher_on_a_fresh_machine_installs_the_run_set_then_runs_the_command()
    {
        var r = RunWithShims(new Host(Installed: []), Repo.PathOf("veridian"), ["--version"]);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(s_runSet, RequestedPackages());
        Assert.Contains("libLLVM", r.StdOut);
    }

    [Fact]
    public void The_launcher_without_root_or_sudo_exits_2_before_running_doctor()
    {
        var r = RunWithShims(new Host(Installed: [], Uid: 1000), Repo.PathOf("veridian"), ["doctor"]);

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("sudo sh -c 'apt-get update && ", r.StdErr);
        Assert.Contains(string.Join(' ', s_runSet), r.StdErr);
        Assert.Equal("", r.StdOut);
    }

    private static string[] PackagesOf(params HostPackageSet[] sets) =>
        HostComponents.All.Where(c => sets.Contains(c.Set)).Select(c => c.Package)
            .Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// A folder holding a link to every real command except the four simulated ones, which are shims;
    /// sudo is left out entirely when the simulated host has none.
    /// </summary>
    private void MakeShimPath(Host host)
    {
        Directory.CreateDirectory(Bin);
        string[] simulated = ["dpkg-query", "apt-get", "sudo", "id"];
        foreach (var dir in new[] { "/usr/local/bin", "/usr/bin", "/usr/sbin" })
        {
            if (!Directory.Exists(dir))
                continue;
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                var name = Path.GetFileName(file);
                var link = Path.Combine(Bin, name);
                if (!simulated.Contains(name) && !File.Exists(link))
                    File.CreateSymbolicLink(link, file);
            }
        }
        Shim("id", """
            [ "${1:-}" = -u ] && { echo "$SHIM_UID"; exit 0; }
            echo "uid=$SHIM_UID"
            """);
        Shim("dpkg-query", """
            # dpkg-query -W -f=FORMAT pkg...: a line per installed package, exit 1 if any is not installed.
            shift 2; rc=0
            for p in "$@"; do
              case "$SHIM_INSTALLED" in
                *" $p "*) echo "ii  $p" ;;
                *) echo "dpkg-query: no packages found matching $p" >&2; rc=1 ;;
              esac
            done
            exit $rc
            """);
        Shim("apt-get", """
            echo "apt-get $*" >> "$SHIM_LOG"
            [ "${1:-}" = update ] && exit 0
            case "$SHIM_APT" in
              ok) echo "Setting up packages ..."; exit 0 ;;
              fail) echo "E: Sub-process /usr/bin/dpkg returned an error code (1) (simulated dpkg failure)" >&2; exit 100 ;;
              unknown:*) echo "E: Unable to locate package ${SHIM_APT#unknown:}" >&2; exit 100 ;;
            esac
            """);
        switch (host.Sudo)
        {
            case "yes":
                Shim("sudo", """
                    [ "${1:-}" = -n ] && shift
                    [ "${1:-}" = true ] && exit 0
                    echo "sudo -n $*" >> "$SHIM_LOG"
                    SHIM_LOG=/dev/null exec "$@"
                    """);
                break;
            case "password":
                Shim("sudo", """
                    echo "sudo: a password is required" >&2
                    exit 1
                    """);
                break;
        }
    }

    private void Shim(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, "#!/bin/bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
