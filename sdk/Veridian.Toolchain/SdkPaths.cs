namespace Veridian.Toolchain;

/// <summary>Where the SDK keeps things it generates.</summary>
public static class SdkPaths
{
    /// <summary>
    /// The default sysroot for Veridian user targets: <c>$VERIDIAN_SYSROOT</c>, else <c>artifacts/sysroot</c> in the
    /// checkout the SDK runs from.
    /// </summary>
    public static string DefaultSysroot =>
        Environment.GetEnvironmentVariable("VERIDIAN_SYSROOT") is { Length: > 0 } s ? s : Path.Combine(ArtifactsDirectory, "sysroot");

    /// <summary>The checkout's <c>artifacts/</c> directory (found above the running assembly), or a folder beside the SDK's binaries.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (dir.Name == "artifacts")
                    return dir.FullName;
            }
            return Path.Combine(AppContext.BaseDirectory, "artifacts");
        }
    }
}
