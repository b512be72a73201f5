using System.Text.Json;

namespace Veridian.Cli.Tests;

public class DoctorTests
{
    [Fact]
    public void Doctor_json_is_valid_and_lists_every_host_component_with_a_version()
    {
        var (exit, output, err) = CliHarness.Run("doctor", "--json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("dotnet").GetProperty("sdk").GetString()));
        var components = root.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        foreach (var name in new[] { "clang", "lld", "libLLVM", "qemu-system-x86_64", "qemu-system-aarch64", "qemu-system-riscv64", "qemu-aarch64", "qemu-riscv64" })
        {
            Assert.True(components.ContainsKey(name), $"{name} missing from doctor --json");
            Assert.True(components[name].GetProperty("found").GetBoolean(), $"{name} not found");
            Assert.Matches(@"^\d+\.\d+", components[name].GetProperty("version").GetString()!);
        }
        Assert.StartsWith("19.", components["libLLVM"].GetProperty("version").GetString());
    }

    [Fact]
    public void Doctor_table_names_each_component_and_its_status()
    {
        var (exit, output, _) = CliHarness.Run("doctor");
        Assert.Equal(0, exit);
        Assert.Contains(".NET SDK", output);
        Assert.Matches(@"(?m)^clang\s+ok\s+19\.", output);
        Assert.Matches(@"(?m)^qemu-system-riscv64\s+ok\s+", output);
    }

    [Fact]
    public void Version_names_the_sdk_and_the_clang_lld_and_libLLVM_versions()
    {
        var (exit, output, _) = CliHarness.Run("--version");
        Assert.Equal(0, exit);
        Assert.StartsWith("veridian ", output);
        Assert.Matches(@"(?m)^clang\s+19\.\d+\.\d+", output);
        Assert.Matches(@"(?m)^lld\s+19\.\d+\.\d+", output);
        Assert.Matches(@"(?m)^libLLVM\s+19\.\d+\.\d+", output);
    }

    [Fact]
    public void Doctor_leaves_no_file_in_the_current_directory()
    {
        var dir = Directory.CreateTempSubdirectory("veridian-doctor-cwd").FullName;
        try
        {
            var r = Veridian.Tests.Repo.Run(Veridian.Tests.Repo.PathOf("veridian"), ["doctor", "--json"], workingDirectory: dir);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
