using Veridian.Build.Cache;
using Veridian.Common;

namespace Veridian.Build.Tests;

public class ActionCacheTests
{
    [Fact]
    public void Trim_drops_least_recently_used_entries_until_the_files_fit_the_limit()
    {
        var dir = Directory.CreateTempSubdirectory("vdn-cache-").FullName;
        try
        {
            var cache = new ActionCache(Path.Combine(dir, "cache"), limit: 10_000);
            var keys = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                var file = Path.Combine(dir, $"o{i}");
                File.WriteAllBytes(file, Enumerable.Repeat((byte)i, 4000).ToArray());
                var key = Sha256Hash.HexOfParts([$"action {i}"]);
                cache.Store(key, [("o", file, Sha256Hash.HexOfFile(file))], [], "", null);
                File.SetLastWriteTimeUtc(Path.Combine(dir, "cache", "v1", "actions", key[..2], key + ".json"), DateTime.UtcNow.AddMinutes(i - 10));
                keys.Add(key);
            }
            Assert.Equal(20_000, cache.Stats().Bytes);
            Assert.Equal(3, cache.Trim());
            var stats = cache.Stats();
            Assert.True(stats.Bytes <= 8_000, $"{stats.Bytes} bytes left");
            Assert.Null(cache.Lookup(keys[0]));
            Assert.NotNull(cache.Lookup(keys[4]));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_file_restored_from_the_cache_keeps_its_execute_bit_or_its_absence(bool executable)
    {
        var dir = Directory.CreateTempSubdirectory("vdn-cache-").FullName;
        try
        {
            var cache = new ActionCache(Path.Combine(dir, "cache"), limit: 1_000_000);
            var output = Path.Combine(dir, "program");
            File.WriteAllBytes(output, [0x7f, (byte)'E', (byte)'L', (byte)'F', executable ? (byte)1 : (byte)0]);
            if (executable)
                File.SetUnixFileMode(output, File.GetUnixFileMode(output) | UnixFileMode.UserExecute);
            var key = Sha256Hash.HexOfParts(["link program"]);
            var entry = cache.Store(key, [("program", output, Sha256Hash.HexOfFile(output))], [], "", null);
            var restored = Path.Combine(dir, "restored");
            Assert.True(cache.Restore(cache.Lookup(key)!, [restored]));
            Assert.Equal(executable, entry.Files[0].Executable);
            Assert.Equal(executable, (File.GetUnixFileMode(restored) & UnixFileMode.UserExecute) != 0);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("123", 123L)]
    [InlineData("64K", 65536L)]
    [InlineData("2G", 2147483648L)]
    [InlineData("lots", null)]
    [InlineData("", null)]
    public void Cache_size_limits_parse_with_suffixes(string text, long? expected) => Assert.Equal(expected, ActionCache.ParseSize(text));
}
