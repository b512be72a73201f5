using Veridian.Pkg.Format;
using Veridian.Pkg.Install;

using Veridian.Tests;

namespace Veridian.Pkg.Tests;

/// <summary>Path-safety rules, each with a signed package that breaks it (modelled on pkgar's and apk's extraction tests).</summary>
public class ExtractionAttackTests
{
    public static TheoryData<string, Entry[], string> Attacks => new()
    {
        { "absolute path", [T.FileEntry("/etc/passwd", "x")], PkgCodes.UnsafePath },
        { "dot-dot component", [Entry.Dir("a"), T.FileEntry("a/../../etc/passwd", "x")], PkgCodes.UnsafePath },
        { "dot-dot alone", [T.FileEntry("..", "x")], PkgCodes.UnsafePath },
        { "dot component", [Entry.Dir("a"), T.FileEntry("a/./b", "x")], PkgCodes.UnsafePath },
        { "empty component", [Entry.Dir("a"), T.FileEntry("a//b", "x")], PkgCodes.UnsafePath },
        { "trailing slash", [Entry.Dir("a/")], PkgCodes.UnsafePath },
        { "NUL", [T.FileEntry("a\0b", "x")], PkgCodes.UnsafePath },
        { "control character", [T.FileEntry("a\nb", "x")], PkgCodes.UnsafePath },
        { "DEL character", [T.FileEntry("a\u007fb", "x")], PkgCodes.UnsafePath },
        { "backslash", [T.FileEntry("..\\etc", "x")], PkgCodes.UnsafePath },
        { "reserved staging name", [T.FileEntry(".vpkg-0.new", "x")], PkgCodes.UnsafePath },
        { "parent not an entry", [T.FileEntry("a/b", "x")], PkgCodes.UnsafePath },
        { "parent is a symlink", [Entry.Link("a", "b"), T.FileEntry("a/c", "x"), Entry.Dir("b")], PkgCodes.UnsafePath },
        { "duplicate path", [T.FileEntry("a", "x"), T.FileEntry("a", "x")], PkgCodes.DuplicatePath },
        { "case-only collision", [T.FileEntry("README", "x"), T.FileEntry("readme", "x")], PkgCodes.DuplicatePath },
        { "unsorted entries", [T.FileEntry("b", "x"), T.FileEntry("a", "x")], PkgCodes.BadEntries },
        { "symlink up and out", [Entry.Link("l", "../../etc")], PkgCodes.SymlinkEscapes },
        { "symlink out from a subdirectory", [Entry.Dir("a"), Entry.Link("a/l", "../..")], PkgCodes.SymlinkEscapes },
        { "absolute symlink climbing above the root", [Entry.Link("l", "/../etc")], PkgCodes.SymlinkEscapes },
        { "link chain", [Entry.Dir("a"), Entry.Dir("a/b"), Entry.Link("a/b/up", ".."), Entry.Link("x", "a/b/up/../../..")], PkgCodes.SymlinkEscapes },
        { "chain through a link to a directory", [Entry.Dir("d"), Entry.Dir("d/e"), Entry.Link("deep", "d/e"), Entry.Link("x", "deep/../../..")], PkgCodes.SymlinkEscapes },
        { "link loop", [Entry.Link("a", "b"), Entry.Link("b", "a/x")], PkgCodes.SymlinkEscapes },
        { "empty symlink target", [Entry.Link("l", "")], PkgCodes.UnsafePath },
        { "setuid file", [T.FileEntry("a", "x") with { Mode = 0x9ED }], PkgCodes.ForbiddenEntry },
        { "setgid directory", [Entry.Dir("a") with { Mode = 0x5ED }], PkgCodes.ForbiddenEntry },
        { "device node", [T.FileEntry("dev", "") with { Type = (EntryType)4 }], PkgCodes.ForbiddenEntry },
        { "FIFO", [T.FileEntry("fifo", "") with { Type = (EntryType)5 }], PkgCodes.ForbiddenEntry },
        { "world-writable file", [T.FileEntry("a", "x") with { Mode = 0x1B6 }], PkgCodes.BadEntries },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Each_unsafe_entry_is_rejected_by_verify_and_install_leaves_the_sysroot_untouched(string attack, Entry[] entries, string code)
    {
        using var dir = new TempDir();
        var content = string.Concat(entries.Where(e => e.Type == EntryType.File).Select(e => e.Size == 1 ? "x" : ""));
        var path = T.Forge(dir, "attack", entries, System.Text.Encoding.UTF8.GetBytes(content));
        var e = T.Fails(() => T.Verify(path));
        Assert.True(code == e.Diagnostic.Code, $"{attack}: {e.Diagnostic}");

        var sysroot = T.Sysroot(dir);
        var before = T.TreeHash(sysroot.Root);
        var install = T.Fails(() => new Installer(sysroot).Install([path]));
        Assert.Equal(code, install.Diagnostic.Code);
        T.SameTree(before.Listing, sysroot.Root);
    }

    [Fact]
    public void The_two_package_symlink_attack_is_a_conflict_and_writes_nothing()
    {
        // Package 1 installs a -> /etc (inside the sysroot: absolute targets start at its root);
        // package 2 then ships a/passwd, which must never be written through the link.
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        var first = T.Forge(dir, "first", [Entry.Link("a", "/etc")], []);
        new Installer(sysroot).Install([first]);
        var before = T.TreeHash(sysroot.Root);
        var second = T.Forge(dir, "second", [Entry.Dir("a"), T.FileEntry("a/passwd", "root::0:0")], "root::0:0"u8.ToArray());
        var e = T.Fails(() => new Installer(sysroot).Install([second]));
        Assert.Equal(PkgCodes.PathConflict, e.Diagnostic.Code);
        T.SameTree(before.Listing, sysroot.Root);
        Assert.False(File.Exists(sysroot.Full("etc/passwd")));
    }

    [Fact]
    public void A_symlink_planted_in_the_sysroot_is_never_followed()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        Directory.CreateDirectory(dir["outside"]);
        File.CreateSymbolicLink(sysroot.Full("usr"), dir["outside"]);
        var before = T.TreeHash(sysroot.Root);
        var package = T.Forge(dir, "p", [Entry.Dir("usr"), T.FileEntry("usr/evil", "x")], "x"u8.ToArray());
        var e = T.Fails(() => new Installer(sysroot).Install([package]));
        Assert.Equal(PkgCodes.SymlinkInParent, e.Diagnostic.Code);
        Assert.Empty(Directory.GetFileSystemEntries(dir["outside"]));
        T.SameTree(before.Listing, sysroot.Root);
    }

    [Fact]
    public void A_link_chain_through_another_packages_link_is_rejected()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        // lib/up -> .. is harmless alone (it is the root) ...
        new Installer(sysroot).Install([T.Forge(dir, "one", [Entry.Dir("lib"), Entry.Link("lib/up", "..")], [])]);
        var before = T.TreeHash(sysroot.Root);
        // ... but lib2/x -> ../lib/up/.. climbs above the root through it.
        var e = T.Fails(() => new Installer(sysroot).Install([T.Forge(dir, "two", [Entry.Dir("lib2"), Entry.Link("lib2/x", "../lib/up/..")], [])]));
        Assert.Equal(PkgCodes.SymlinkEscapes, e.Diagnostic.Code);
        T.SameTree(before.Listing, sysroot.Root);
    }

    [Fact]
    public void Symlinks_that_stay_inside_install_as_links()
    {
        using var dir = new TempDir();
        var sysroot = T.Sysroot(dir);
        new Installer(sysroot).Install([T.Forge(dir, "ok", [Entry.Dir("lib"), Entry.Link("lib/libc.so", "libc.so.1"), T.FileEntry("lib/libc.so.1", "elf"), Entry.Link("libc", "/lib/libc.so")], "elf"u8.ToArray())]);
        Assert.Equal("libc.so.1", new FileInfo(sysroot.Full("lib/libc.so")).LinkTarget);
        Assert.Equal("/lib/libc.so", new FileInfo(sysroot.Full("libc")).LinkTarget);
    }

    [Fact]
    public void The_builder_refuses_a_FIFO_and_a_setuid_file()
    {
        using var dir = new TempDir();
        var stage = T.Tree(dir["s"], ("a", "x"));
        Assert.Equal(0, Veridian.Tests.Repo.Run("mkfifo", [Path.Combine(stage, "fifo")]).ExitCode);
        Assert.Equal(PkgCodes.BadBuildInput, T.Fails(() => PackageBuilder.Build(stage, T.Manifest(), dir["o.vpkg"])).Diagnostic.Code);
        File.Delete(Path.Combine(stage, "fifo"));
        File.SetUnixFileMode(Path.Combine(stage, "a"), (UnixFileMode)0x9ED);
        Assert.Equal(PkgCodes.BadBuildInput, T.Fails(() => PackageBuilder.Build(stage, T.Manifest(), dir["o.vpkg"])).Diagnostic.Code);
        Assert.False(File.Exists(dir["o.vpkg"]));
        File.SetUnixFileMode(Path.Combine(stage, "a"), (UnixFileMode)0x1A4);
        Assert.Equal(PkgCodes.BadBuildInput, T.Fails(() => PackageBuilder.Build(stage, T.Manifest(), Path.Combine(stage, "self.vpkg"))).Diagnostic.Code);
    }
}
