using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.Resolve;

namespace Veridian.Pkg.Tests;

/// <summary>
/// The resolver on the examples of PubGrub's documentation (solving.md: each needs the step it is named after), plus
/// provides, conflicts, targets, removal, and failures explained in words.
/// </summary>
public class ResolverTests
{
    private const string X86 = "x86_64-veridian-user-relibc";
    private const string Riscv = "riscv64-veridian-user-relibc";

    /// <summary>"name version dep range; dep range" lines; "!name" conflicts, "+name" provides, "@target" the target.</summary>
    private static Universe U(string target, params string[] packages)
    {
        var u = new Universe(target);
        foreach (var p in packages)
        {
            var parts = p.Split(' ', 3);
            var deps = new List<Dependency>();
            var provides = new List<string>();
            var conflicts = new List<string>();
            var t = X86;
            if (parts.Length == 3)
            {
                foreach (var d in parts[2].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (d[0] == '!')
                        conflicts.Add(d[1..]);
                    else if (d[0] == '+')
                        provides.Add(d[1..]);
                    else if (d[0] == '@')
                        t = d[1..];
                    else
                        deps.Add(new Dependency(d[..d.IndexOf(' ')], d[(d.IndexOf(' ') + 1)..]));
                }
            }
            u.Add(new Candidate { Name = parts[0], Version = SemVersion.Parse(parts[1]), Target = t, Depends = deps, Provides = provides, Conflicts = conflicts, Source = "test" });
        }
        return u;
    }

    private static ResolveRequest Req(params string[] requirements) => new()
    {
        Require = requirements.Select(r => r.Split(' ', 2)).Select(r => new Requirement(r[0], r.Length > 1 ? VersionRange.Parse(r[1]) : VersionRange.Any)).ToList(),
    };

    private static string Solve(Universe u, ResolveRequest r) =>
        string.Join(", ", new Solver(u, r).Solve().Values.Select(c => c.ToString()));

    private static string Fail(Universe u, ResolveRequest r)
    {
        var e = Assert.Throws<DiagnosticException>(() => new Solver(u, r).Solve());
        Assert.Equal(ResolveCodes.Unsatisfiable, e.Diagnostic.Code);
        return e.Diagnostic.Message;
    }

    [Fact]
    public void Without_conflicts_the_newest_allowed_versions_are_chosen() =>
        Assert.Equal("bar 1.0.0, foo 1.0.0", Solve(U(X86, "foo 1.0.0 bar ^1.0.0", "bar 1.0.0", "bar 2.0.0"), Req("foo ^1.0.0")));

    [Fact]
    public void A_conflict_is_avoided_during_decision_making() =>
        Assert.Equal("bar 1.1.0, foo 1.0.0", Solve(U(X86, "foo 1.1.0 bar ^2.0.0", "foo 1.0.0", "bar 1.0.0", "bar 1.1.0", "bar 2.0.0"), Req("foo ^1.0.0", "bar ^1.0.0")));

    [Fact]
    public void Conflict_resolution_backjumps_to_an_older_version() =>
        Assert.Equal("foo 1.0.0", Solve(U(X86, "foo 2.0.0 bar ^1.0.0", "foo 1.0.0", "bar 1.0.0 foo ^1.0.0"), Req("foo >=1.0.0")));

    [Fact]
    public void Conflict_resolution_with_a_partial_satisfier_finds_the_solution() =>
        Assert.Equal("foo 1.0.0, target 2.0.0", Solve(U(X86,
            "foo 1.1.0 left ^1.0.0; right ^1.0.0", "foo 1.0.0", "left 1.0.0 shared >=1.0.0", "right 1.0.0 shared <2.0.0",
            "shared 2.0.0", "shared 1.0.0 target ^1.0.0", "target 2.0.0", "target 1.0.0"), Req("foo ^1.0.0", "target ^2.0.0")));

    [Fact]
    public void A_linear_failure_is_explained_step_by_step()
    {
        var message = Fail(U(X86, "foo 1.0.0 bar ^2.0.0", "bar 2.0.0 baz ^3.0.0", "baz 1.0.0", "baz 3.0.0"), Req("foo ^1.0.0", "baz ^1.0.0"));
        Assert.Contains("foo 1.0.0 depends on bar ^2.0.0", message);
        Assert.Contains("bar 2.0.0 depends on baz ^3.0.0", message);
        Assert.Contains("you request baz ^1.0.0", message);
        Assert.Contains("So, ", message);
    }

    [Fact]
    public void A_dependency_missing_for_the_target_is_named_with_the_targets_it_exists_for()
    {
        var message = Fail(U(Riscv, $"hello 1.2.0 relibc >=0.3.0; @{Riscv}", "relibc 0.3.0"), Req("hello"));
        Assert.Contains("hello 1.2.0 depends on relibc >=0.3.0, but relibc is not available for riscv64-veridian-user-relibc (relibc 0.3.0 exists only for x86_64-veridian-user-relibc)", message);
    }

    [Fact]
    public void An_unknown_name_suggests_a_close_one() =>
        Assert.Contains("no source has a package named helo (did you mean hello?)", Fail(U(X86, "hello 1.0.0"), Req("helo")));

    [Fact]
    public void A_virtual_name_is_satisfied_by_a_package_that_provides_it() =>
        Assert.Equal("app 1.0.0, relibc 0.3.0", Solve(U(X86, "app 1.0.0 libc >=1.0.0", "relibc 0.3.0 +libc"), Req("app")));

    [Fact]
    public void Conflicting_packages_are_never_chosen_together()
    {
        Assert.Contains("conflicts with", Fail(U(X86, "a 1.0.0 !b", "b 1.0.0"), Req("a", "b")));
        Assert.Equal("a 1.0.0, c 1.0.0", Solve(U(X86, "a 2.0.0 !c", "a 1.0.0", "c 1.0.0"), Req("a", "c")));
    }

    [Fact]
    public void Removing_a_package_another_needs_is_explained()
    {
        var message = Fail(U(X86, "app 1.0.0 zlib ^1.0.0", "zlib 1.2.0"), new ResolveRequest
        {
            Require = [new Requirement("app", VersionRange.Any)],
            Forbid = ["zlib"],
        });
        Assert.Contains("app 1.0.0 depends on zlib ^1.0.0", message);
        Assert.Contains("you remove zlib", message);
    }

    [Fact]
    public void Installed_versions_are_kept_unless_upgraded()
    {
        var u = new Universe(X86);
        u.Add(new Candidate { Name = "zlib", Version = SemVersion.Parse("1.2.0"), Target = X86, Installed = true });
        u.Add(new Candidate { Name = "zlib", Version = SemVersion.Parse("1.3.0"), Target = X86, Source = "s" });
        var req = new ResolveRequest { Require = [new Requirement("zlib", VersionRange.Any)] };
        Assert.Equal("zlib 1.2.0", Solve(u, req));
        Assert.Equal("zlib 1.3.0", Solve(u, req with { Upgrade = new HashSet<string> { "zlib" } }));
    }

    [Fact]
    public void A_deep_chain_with_a_conflict_at_the_bottom_resolves_by_backjumping()
    {
        // p0 … p39: each has versions 2.0.0 (needs the next at ^2) and 1.0.0 (needs the next at ^1); p40 2.0.0 is missing.
        var packages = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            packages.Add($"p{i} 2.0.0 p{i + 1} ^2.0.0");
            packages.Add($"p{i} 1.0.0 p{i + 1} ^1.0.0");
        }
        packages.Add("p40 1.0.0");
        var solver = new Solver(U(X86, [.. packages]), Req("p0"));
        var result = solver.Solve();
        Assert.Equal(41, result.Count);
        Assert.All(result.Values, c => Assert.Equal("1.0.0", c.Version.Text));
    }
}
