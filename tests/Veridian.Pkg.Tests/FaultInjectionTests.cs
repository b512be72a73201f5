using Veridian.Pkg.Install;

using Veridian.Tests;

namespace Veridian.Pkg.Tests;

/// <summary>
/// A failure or a crash at every step N of install, upgrade and remove, then recovery: the sysroot's tree
/// and database equal the before-state (failure before the commit) or the after-state (after it), with
/// no temporary file left (the tree hash covers every file, journal and staging names included).
/// </summary>
public class FaultInjectionTests
{
    public enum Scenario
    {
        Install,
        Upgrade,
        Remove,
        InstallTwo,
    }

    public enum Fault
    {
        DiskError,
        Crash,
    }

    private sealed class Setup(TempDir dir, Scenario scenario)
    {
        private readonly string _v1 = T.Build(dir, "v1", T.Manifest(version: "1.0.0"), null, TransactionTests.V1);
        private readonly string _v2 = T.Build(dir, "v2", T.Manifest(version: "2.0.0"), null, TransactionTests.V2);
        private readonly string _other = T.Build(dir, "other", T.Manifest("other"), null, ("usr", null), ("usr/bin", null), ("usr/bin/other", "o"), ("opt", null), ("opt/o", "->../usr/bin/other"));
        private int _n;

        /// <summary>A new sysroot in the scenario's before-state.</summary>
        public Sysroot Before()
        {
            var s = T.Sysroot(dir, "s" + _n++);
            Directory.CreateDirectory(s.Full("etc"));
            File.WriteAllText(s.Full("etc/user-file"), "the user's");
            if (scenario is Scenario.Upgrade or Scenario.Remove)
                new Installer(s).Install([_v1]);
            return s;
        }

        public TransactionResult Run(Sysroot s, IFaultSeam? seam)
        {
            var installer = new Installer(s, new InstallOptions { Seam = seam });
            return scenario switch
            {
                Scenario.Install => installer.Install([_v1]),
                Scenario.Upgrade => installer.Install([_v2]),
                Scenario.Remove => installer.Remove(["hello"]),
                Scenario.InstallTwo => installer.Install([_v1, _other]),
            };
        }
    }

    [Theory]
    [InlineData(Scenario.Install, Fault.DiskError)]
    [InlineData(Scenario.Install, Fault.Crash)]
    [InlineData(Scenario.Upgrade, Fault.DiskError)]
    [InlineData(Scenario.Upgrade, Fault.Crash)]
    [InlineData(Scenario.Remove, Fault.DiskError)]
    [InlineData(Scenario.Remove, Fault.Crash)]
    [InlineData(Scenario.InstallTwo, Fault.Crash)]
    public void A_fault_at_every_step_leaves_exactly_the_before_or_the_after_state(Scenario scenario, Fault fault)
    {
        using var dir = new TempDir();
        var setup = new Setup(dir, scenario);

        // A clean run: the before- and after-states, and the numbered steps.
        var reference = setup.Before();
        var before = T.TreeHash(reference.Root).Listing;
        var steps = new List<string>();
        setup.Run(reference, new DelegateSeam((_, d) => steps.Add(d)));
        var after = T.TreeHash(reference.Root).Listing;
        var commit = steps.IndexOf("commit the database") + 1;
        Assert.True(commit > 1 && steps.Count > commit, string.Join("\n", steps));
        Assert.NotEqual(before, after);

        for (var n = 1; n <= steps.Count; n++)
        {
            var s = setup.Before();
            var at = n;
            var seam = new DelegateSeam((step, _) =>
            {
                if (step == at)
                    throw fault == Fault.Crash ? new SimulatedCrashException(step) : new IOException($"injected disk error at step {step}");
            });
            switch (fault)
            {
                case Fault.Crash:
                    Assert.Throws<SimulatedCrashException>(() => setup.Run(s, seam));
                    // The next run (here: list, as a user would) recovers.
                    var (_, note) = new Installer(s).List();
                    Assert.True(n == 1 || note is not null, $"step {n}: nothing was recovered");
                    break;
                case Fault.DiskError:
                    if (n < commit || n == commit)
                    {
                        var e = T.Fails(() => setup.Run(s, seam));
                        Assert.Equal(PkgCodes.TransactionFailed, e.Diagnostic.Code);
                    }
                    else
                    {
                        setup.Run(s, seam); // committed: the clean-up is finished in place
                    }
                    break;
            }
            var expected = n <= commit ? before : after;
            var actual = T.TreeHash(s.Root).Listing;
            Assert.True(expected == actual, $"{scenario} {fault} at step {n} ({steps[n - 1]}):\nexpected\n{expected}\nactual\n{actual}");
        }
    }

    [Fact]
    public void A_package_altered_after_verification_fails_its_payload_hash_and_rolls_back()
    {
        using var dir = new TempDir();
        var setup = new Setup(dir, Scenario.Upgrade);
        var s = setup.Before();
        var before = T.TreeHash(s.Root).Listing;
        var v2 = dir["v2.vpkg"];
        var seam = new DelegateSeam((_, d) =>
        {
            if (d == "write the journal")
                Corrupt(v2, 3);
        });
        var e = T.Fails(() => setup.Run(s, seam));
        Assert.Equal(PkgCodes.PayloadHashMismatch, e.Diagnostic.Code);
        Assert.Equal(before, T.TreeHash(s.Root).Listing);
    }

    [Fact]
    public void A_package_altered_while_its_files_are_staged_fails_a_file_hash_and_rolls_back()
    {
        using var dir = new TempDir();
        var stage = T.Tree(dir["big"], ("data", null));
        var rng = new Random(3);
        foreach (var name in new[] { "data/a", "data/b" })
        {
            var bytes = new byte[1 << 20];
            rng.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(stage, name), bytes);
        }
        var pkg = dir["big.vpkg"];
        PackageBuilder.Build(stage, T.Manifest("big"), pkg, T.Alice);
        var s = T.Sysroot(dir);
        var before = T.TreeHash(s.Root).Listing;
        var seam = new DelegateSeam((_, d) =>
        {
            // Staging has started (the payload hash was checked): the second file's bytes change under it.
            if (d == "stage data/a")
                Corrupt(pkg, 1000);
        });
        var e = T.Fails(() => new Installer(s, new InstallOptions { Seam = seam }).Install([pkg]));
        Assert.Contains(e.Diagnostic.Code, new[] { PkgCodes.FileHashMismatch, PkgCodes.BadPayload });
        Assert.Equal(before, T.TreeHash(s.Root).Listing);
    }

    private static void Corrupt(string path, int fromEnd)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        fs.Position = fs.Length - fromEnd;
        var b = fs.ReadByte();
        fs.Position = fs.Length - fromEnd;
        fs.WriteByte((byte)(b ^ 0xff));
    }
}
