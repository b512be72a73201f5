namespace Veridian.Triples.Tests;

/// <summary>Finds optional host tools (rustc, cmake) on PATH.</summary>
internal static class HostTool
{
    public static string? Find(string name)
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(home is null ? [] : [Path.Combine(home, ".cargo", "bin")]);
        return dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }
}

/// <summary>A theory that is skipped, with the reason shown, when rustc is not installed.</summary>
public sealed class RustcTheoryAttribute : TheoryAttribute
{
    public RustcTheoryAttribute()
    {
        if (HostTool.Find("rustc") is null)
            Skip = "rustc is not installed (not on PATH, not in ~/.cargo/bin): the Rust target specs are not checked; install rustc 1.95 to run this test";
    }
}

/// <summary>A theory that is skipped, with the reason shown, when cmake is not installed.</summary>
public sealed class CMakeTheoryAttribute : TheoryAttribute
{
    public CMakeTheoryAttribute()
    {
        if (HostTool.Find("cmake") is null)
            Skip = "cmake is not installed: the CMake toolchain files are not checked; apt-get install cmake to run this test";
    }
}

/// <summary>A theory that is skipped, with the reason shown, when meson or ninja is not installed.</summary>
public sealed class MesonTheoryAttribute : TheoryAttribute
{
    public MesonTheoryAttribute()
    {
        if (HostTool.Find("meson") is null || HostTool.Find("ninja") is null)
            Skip = "meson or ninja is not installed: the Meson cross files are not checked; apt-get install meson ninja-build to run this test";
    }
}
