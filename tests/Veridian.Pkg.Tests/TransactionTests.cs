using Veridian.Diagnostics;
using Veridian.Pkg.Install;

using Veridian.Tests;

namespace Veridian.Pkg.Tests;

/// <summary>Install, upgrade, remove: exact states, kept user files, conflicts, the lock.</summary>
public class TransactionTests
{
    internal static readonly (string, string?)[] V1 =
    [
        ("usr", null), ("usr/bin", null), ("usr/bin/hello", "v1 hello"), ("usr/bin/hi", "->hello"),
        ("usr/share", null), ("usr/share/hello", null), ("usr/share/hello/old.txt", "dropped in v2"), ("etc", null), ("etc/hello.conf", "conf v1"),
    ];

    internal static readonly (string, string?)[] V2 =
    [
        ("usr", null), ("usr/bin", null), ("usr/bin/hello", "v2 hello"), ("usr/bin/hi", "->hello"),
        ("usr/lib", null), ("usr/lib/libhello.so", "new in v2"), ("etc", null), ("etc/hello.conf", "conf v2"),
    ];

    [Fact]
    public void Install_then_remove_returns_the_sysroot_to_its_exact_previous_state()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        Directory.CreateDirectory(sysroot.Full("etc"));
        File.WriteAllText(sysroot.Full("etc/hostname"), "user file");
        var before = T.TreeHash(sysroot.Root);
        var pkg = T.Build(dir, "hello", T.Manifest(), null, V1);
        new Installer(sysroot).Install([pkg]);
        Assert.Equal("v1 hello", File.ReadAllText(sysroot.Full("usr/bin/hello")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(sysroot.Full("usr/bin/hello")));
        Assert.NotEqual(before.Hash, T.TreeHash(sysroot.Root).Hash);
        var result = new Installer(sysroot).Remove(["hello"]);
        Assert.Empty(result.Messages);
        T.SameTree(before.Listing, sysroot.Root);
        // etc existed before (with a user file): adopted, so it stays.
        Assert.True(File.Exists(sysroot.Full("etc/hostname")));
    }

    [Fact]
    public void An_upgrade_replaces_adds_and_drops_files_and_equals_a_fresh_install_of_the_new_version()
    {
        using var dir = new TempDir();
        var upgraded = T.Sysroot(dir, "a");
        var fresh = T.Sysroot(dir, "b");
        var v1 = T.Build(dir, "v1", T.Manifest(version: "1.0.0"), null, V1);
        var v2 = T.Build(dir, "v2", T.Manifest(version: "2.0.0"), null, V2);
        new Installer(upgraded).Install([v1]);
        new Installer(upgraded).Install([v2]);
        new Installer(fresh).Install([v2]);
        Assert.Equal(T.TreeHash(fresh.Root).Listing, T.TreeHash(upgraded.Root).Listing);
        Assert.False(Directory.Exists(upgraded.Full("usr/share")));
    }

    [Fact]
    public void Upgrade_and_remove_keep_a_file_the_user_modified_and_say_so()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        new Installer(sysroot).Install([T.Build(dir, "v1", T.Manifest(version: "1.0.0"), null, V1)]);
        File.WriteAllText(sysroot.Full("etc/hello.conf"), "my settings");
        var up = new Installer(sysroot).Install([T.Build(dir, "v2", T.Manifest(version: "2.0.0"), null, V2)]);
        var kept = Assert.Single(up.Messages);
        Assert.Equal(PkgCodes.ModifiedFileKept, kept.Code);
        Assert.Contains("etc/hello.conf", kept.Message);
        Assert.Equal("my settings", File.ReadAllText(sysroot.Full("etc/hello.conf")));
        Assert.Equal("v2 hello", File.ReadAllText(sysroot.Full("usr/bin/hello")));

        var removed = new Installer(sysroot).Remove(["hello"]);
        Assert.Equal(PkgCodes.ModifiedFileKept, Assert.Single(removed.Messages).Code);
        Assert.Equal("my settings", File.ReadAllText(sysroot.Full("etc/hello.conf")));
        Assert.False(File.Exists(sysroot.Full("usr/bin/hello")));
    }

    [Fact]
    public void Two_packages_may_not_own_one_path()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        new Installer(sysroot).Install([T.Build(dir, "a", T.Manifest("a"), null, ("usr", null), ("usr/bin", null), ("usr/bin/tool", "a"))]);
        var before = T.TreeHash(sysroot.Root);
        var e = T.Fails(() => new Installer(sysroot).Install([T.Build(dir, "b", T.Manifest("b"), null, ("usr", null), ("usr/bin", null), ("usr/bin/tool", "b"))]));
        Assert.Equal(PkgCodes.PathConflict, e.Diagnostic.Code);
        Assert.Contains("'a'", e.Diagnostic.Message);
        T.SameTree(before.Listing, sysroot.Root);
        // Shared directories are fine, and stay until their last owner goes.
        new Installer(sysroot).Install([T.Build(dir, "c", T.Manifest("c"), null, ("usr", null), ("usr/bin", null), ("usr/bin/other", "c"))]);
        new Installer(sysroot).Remove(["a"]);
        Assert.True(File.Exists(sysroot.Full("usr/bin/other")));
    }

    [Fact]
    public void A_path_that_differs_only_in_case_from_another_packages_path_is_rejected()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        new Installer(sysroot).Install([T.Build(dir, "a", T.Manifest("a"), null, ("README", "a"))]);
        var e = T.Fails(() => new Installer(sysroot).Install([T.Build(dir, "b", T.Manifest("b"), null, ("readme", "b"))]));
        Assert.Equal(PkgCodes.DuplicatePath, e.Diagnostic.Code);
    }

    [Fact]
    public void A_file_owned_by_no_package_is_a_conflict_not_overwritten()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        File.WriteAllText(sysroot.Full("tool"), "mine");
        var e = T.Fails(() => new Installer(sysroot).Install([T.Build(dir, "a", T.Manifest("a"), null, ("tool", "theirs"))]));
        Assert.Equal(PkgCodes.PathConflict, e.Diagnostic.Code);
        Assert.Equal("mine", File.ReadAllText(sysroot.Full("tool")));
    }

    [Fact]
    public void A_package_for_another_target_is_rejected()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        var pkg = T.Build(dir, "arm", T.Manifest(target: "aarch64-veridian-user-relibc"), null, ("a", "x"));
        Assert.Equal(PkgCodes.TargetMismatch, T.Fails(() => new Installer(sysroot).Install([pkg])).Diagnostic.Code);
    }

    [Fact]
    public void An_ELF_file_for_another_machine_is_rejected_even_in_a_package_for_the_right_target()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        var stage = T.Tree(dir["s"], ("bin", null));
        File.WriteAllBytes(Path.Combine(stage, "bin/tool"), ElfHeader(183));
        PackageBuilder.Build(stage, T.Manifest(), dir["elf.vpkg"], T.Alice);
        var e = T.Fails(() => new Installer(sysroot).Install([dir["elf.vpkg"]]));
        Assert.Equal(PkgCodes.ElfTargetMismatch, e.Diagnostic.Code);
        Assert.Contains("bin/tool", e.Diagnostic.Message);

        File.WriteAllBytes(Path.Combine(stage, "bin/tool"), ElfHeader(62));
        PackageBuilder.Build(stage, T.Manifest(), dir["elf.vpkg"], T.Alice);
        new Installer(sysroot).Install([dir["elf.vpkg"]]);
    }

    [Fact]
    public void A_real_clang_object_for_the_wrong_architecture_is_rejected()
    {
        using var dir = new TempDir();
        var stage = T.Tree(dir["s"], ("lib", null));
        File.WriteAllText(dir["x.c"], "int f(void) { return 1; }\n");
        var cc = Veridian.Tests.Repo.Run("/usr/bin/clang-19", ["--target=riscv64-unknown-none-elf", "-c", dir["x.c"], "-o", Path.Combine(stage, "lib/x.o")]);
        Assert.True(cc.ExitCode == 0, cc.ToString());
        PackageBuilder.Build(stage, T.Manifest(), dir["o.vpkg"], T.Alice);
        var sysroot = T.Sysroot(dir);
        var e = T.Fails(() => new Installer(sysroot).Install([dir["o.vpkg"]]));
        Assert.Equal(PkgCodes.ElfTargetMismatch, e.Diagnostic.Code);
    }

    internal static byte[] ElfHeader(ushort machine)
    {
        var h = new byte[64];
        "\u007fELF"u8.CopyTo(h);
        h[4] = 2; // ELFCLASS64
        h[5] = 1; // little-endian
        h[6] = 1;
        h[16] = 2; // ET_EXEC
        h[18] = (byte)machine;
        h[19] = (byte)(machine >> 8);
        h[20] = 1;
        h[52] = 64; // e_ehsize
        return h;
    }

    [Fact]
    public void Removing_a_package_that_is_not_installed_suggests_the_closest_name()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        new Installer(sysroot).Install([T.Build(dir, "hello", T.Manifest(), null, ("a", "x"))]);
        var e = T.Fails(() => new Installer(sysroot).Remove(["helo"]));
        Assert.Equal(PkgCodes.NotInstalled, e.Diagnostic.Code);
        Assert.Contains("hello", e.Diagnostic.Hint);
    }

    [Fact]
    public void A_held_lock_makes_a_second_operation_wait_with_a_message_then_time_out()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        var messages = new List<string>();
        using (SysrootLock.Acquire(sysroot, TimeSpan.Zero, null))
        {
            var options = new InstallOptions { LockTimeout = TimeSpan.FromMilliseconds(300), OnWait = messages.Add };
            var e = T.Fails(() => new Installer(sysroot, options).List());
            Assert.Equal(PkgCodes.LockTimeout, e.Diagnostic.Code);
        }
        Assert.Contains("waiting for another package operation", Assert.Single(messages));
        new Installer(sysroot).List();
    }

    [Fact]
    public async Task Concurrent_installs_serialise_and_both_land()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        var a = T.Build(dir, "a", T.Manifest("a"), null, ("usr", null), ("usr/a", "a"));
        var b = T.Build(dir, "b", T.Manifest("b"), null, ("usr", null), ("usr/b", "b"));
        var inside = 0;
        var overlapped = false;
        var seam = new DelegateSeam((_, _) =>
        {
            // Both transactions pass through here; with the lock held they never do so at the same time.
            if (Interlocked.Increment(ref inside) > 1)
                overlapped = true;
            Thread.Sleep(2);
            Interlocked.Decrement(ref inside);
        });
        var options = new InstallOptions { Seam = seam };
        var ta = Task.Run(() => new Installer(sysroot, options).Install([a]));
        var tb = Task.Run(() => new Installer(sysroot, options).Install([b]));
        await Task.WhenAll(ta, tb);
        Assert.False(overlapped);
        Assert.Equal(["a", "b"], sysroot.ReadDatabase().Packages.Select(p => p.Name));
        Assert.True(File.Exists(sysroot.Full("usr/a")) && File.Exists(sysroot.Full("usr/b")));
    }
}
