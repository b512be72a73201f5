namespace Veridian.Common;

/// <summary>
/// The one answer to "where is …" for the SDK: the checkout it runs from, its <c>artifacts/</c> folder, the
/// default sysroot and the user's build cache. Read when asked (the environment may change in tests).
/// </summary>
public static class SdkLayout
{
    /// <summary>The file that marks the checkout's root.</summary>
    public const string SolutionFile = "Veridian.slnx";

    /// <summary>The environment variable naming the default sysroot.</summary>
    public const string SysrootVariable = "VERIDIAN_SYSROOT";

    /// <summary>The environment variable naming the build cache folder.</summary>
    public const string CacheVariable = "VERIDIAN_CACHE_DIR";

    /// <summary>
    /// The checkout the SDK runs from: the nearest folder above the running binaries (<see cref="AppContext.BaseDirectory"/>)
    /// that holds <see cref="SolutionFile"/>; null when the SDK runs from outside a checkout.
    /// </summary>
    public static string? Checkout => CheckoutAbove(AppContext.BaseDirectory);

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <see cref="SolutionFile"/>, or null.</summary>
    public static string? CheckoutAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        }
        return null;
    }

    /// <summary>The checkout's <c>artifacts/</c> folder; outside a checkout, <c>artifacts/</c> beside the SDK's binaries.</summary>
    public static string Artifacts => Path.Combine(Checkout ?? AppContext.BaseDirectory, "artifacts");

    /// <summary>The target-prefixed entry points the launcher writes (<c>artifacts/toolchain/bin/&lt;triple&gt;-cc</c>, …; docs/cc.md).</summary>
    public static string EntryPoints => Path.Combine(Artifacts, "toolchain", "bin");

    /// <summary>
    /// The default sysroot for Veridian user targets (docs/triples.md, Sysroots): <c>$VERIDIAN_SYSROOT</c> (made
    /// absolute), else <c>sysroot</c> in <see cref="Artifacts"/>.
    /// </summary>
    public static string DefaultSysroot =>
        Environment.GetEnvironmentVariable(SysrootVariable) is { Length: > 0 } s ? Path.GetFullPath(s) : Path.Combine(Artifacts, "sysroot");

    /// <summary>
    /// The current user's build cache folder (docs/veridian-toml.md): <c>$VERIDIAN_CACHE_DIR</c>, else
    /// <c>$XDG_CACHE_HOME/veridian</c>, else <c>~/.cache/veridian</c>; always absolute.
    /// </summary>
    public static string CacheDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable(CacheVariable);
            if (string.IsNullOrEmpty(dir))
            {
                var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                if (string.IsNullOrEmpty(xdg))
                    xdg = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
                dir = Path.Combine(xdg, "veridian");
            }
            return Path.GetFullPath(dir);
        }
    }
}
