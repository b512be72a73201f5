using System.Text;

namespace Veridian.Common.Tests;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AtomicFileTests
{
    [Theory]
    [InlineData(Durability.None)]
    [InlineData(Durability.Flush)]
    public void A_write_replaces_the_file_and_leaves_no_temp_file(Durability durability)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["f"], "old");
        AtomicFile.Write(dir["f"], "new", durability);
        Assert.Equal("new", File.ReadAllText(dir["f"]));
        Assert.Equal(["f"], dir.Names);
    }

    [Fact]
    public void Text_is_written_as_UTF8_without_a_byte_order_mark()
    {
        using var dir = new TempDir();
        AtomicFile.Write(dir["f"], "é", Durability.None);
        Assert.Equal(Encoding.UTF8.GetBytes("é"), File.ReadAllBytes(dir["f"]));
    }

    [Fact]
    public void A_missing_folder_is_created()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "a", "b", "f");
        AtomicFile.Write(path, [1, 2, 3], Durability.Flush);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(Durability.None)]
    [InlineData(Durability.Flush)]
    public void A_writer_that_fails_leaves_the_old_file_and_no_temp_file(Durability durability)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["f"], "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(dir["f"], temp =>
        {
            File.WriteAllText(temp, "half");
            throw new InvalidOperationException("the writer failed");
        }, durability));
        Assert.Equal("old", File.ReadAllText(dir["f"]));
        Assert.Equal(["f"], dir.Names);
    }

    [Fact]
    public void A_writer_gets_a_temp_path_beside_the_target_with_the_sweepable_prefix()
    {
        using var dir = new TempDir();
        string? seen = null;
        AtomicFile.Write(dir["out.o"], temp =>
        {
            seen = temp;
            File.WriteAllText(temp, "x");
        }, Durability.None);
        Assert.Equal(dir.Path, Path.GetDirectoryName(seen));
        Assert.StartsWith(AtomicFile.TempPrefix + "out.o-", Path.GetFileName(seen));
        Assert.EndsWith(".tmp", seen);
        Assert.Equal("x", File.ReadAllText(dir["out.o"]));
    }

    [Fact]
    public void Temp_names_are_unique()
    {
        using var dir = new TempDir();
        var names = Enumerable.Range(0, 1000).AsParallel().Select(_ => AtomicFile.TempBeside(dir["f"])).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Concurrent_writers_of_one_file_each_leave_a_whole_file()
    {
        // The race a fixed temp name ("f.tmp") loses: two writers share the temp file and one renames the other's half.
        using var dir = new TempDir();
        var contents = Enumerable.Range(0, 16).Select(i => new string((char)('a' + i), 64 * 1024)).ToList();
        Parallel.ForEach(Enumerable.Range(0, 200), i => AtomicFile.Write(dir["f"], contents[i % contents.Count], Durability.None));
        Assert.Contains(File.ReadAllText(dir["f"]), contents);
        Assert.Equal(["f"], dir.Names);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite)]
    public void A_mode_is_set_exactly_whatever_the_umask(UnixFileMode mode)
    {
        using var dir = new TempDir();
        AtomicFile.Write(dir["f"], "x", Durability.Flush, mode);
        Assert.Equal(mode, File.GetUnixFileMode(dir["f"]));
        AtomicFile.CreateNew(dir["g"], [1], Durability.Flush, mode);
        Assert.Equal(mode, File.GetUnixFileMode(dir["g"]));
    }

    [Fact]
    public void CreateNew_never_replaces_an_existing_file()
    {
        using var dir = new TempDir();
        AtomicFile.CreateNew(dir["key"], [1], Durability.Flush);
        Assert.ThrowsAny<IOException>(() => AtomicFile.CreateNew(dir["key"], [2], Durability.Flush));
        Assert.Equal([1], File.ReadAllBytes(dir["key"]));
        Assert.Equal(["key"], dir.Names);
    }

    [Fact]
    public void Copy_goes_through_a_temp_file()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["a"], "content");
        File.WriteAllText(dir["b"], "old");
        AtomicFile.Copy(dir["a"], dir["b"], Durability.None);
        Assert.Equal("content", File.ReadAllText(dir["b"]));
        Assert.Equal(["a", "b"], dir.Names);
    }

    [Fact]
    public void A_temp_file_from_TempBeside_is_committed_over_the_target()
    {
        using var dir = new TempDir();
        var temp = AtomicFile.TempBeside(dir["f"]);
        File.WriteAllText(temp, "done");
        AtomicFile.Commit(temp, dir["f"], Durability.Flush);
        Assert.Equal("done", File.ReadAllText(dir["f"]));
        Assert.Equal(["f"], dir.Names);
    }
}
