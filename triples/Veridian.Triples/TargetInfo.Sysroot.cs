namespace Veridian.Triples;

public sealed partial record TargetInfo
{
    /// <summary>
    /// The header directory: <c>&lt;sysroot&gt;/&lt;canonical&gt;/include</c> for Veridian user targets,
    /// <c>/usr/&lt;arch&gt;-linux-gnu/include</c> or <c>/usr/include</c> for Linux, null for freestanding targets.
    /// </summary>
    public string? IncludeDir(string sysroot) => Sysroot switch
    {
        SysrootKind.None => null,
        SysrootKind.Veridian => Path.Combine(sysroot, Canonical, "include"),
        SysrootKind.CrossGlibc => SysrootPath + "/include",
        SysrootKind.Host => "/usr/include",
    };

    /// <summary>The library directory, as <see cref="IncludeDir"/>.</summary>
    public string? LibDir(string sysroot) => Sysroot switch
    {
        SysrootKind.None => null,
        SysrootKind.Veridian => Path.Combine(sysroot, Canonical, "lib"),
        SysrootKind.CrossGlibc => SysrootPath + "/lib",
        SysrootKind.Host => $"/usr/lib/{Arch.LinuxMultiarch()}",
    };

    /// <summary>
    /// The include flags for a sysroot: for Veridian user targets <c>--sysroot=S -nostdlibinc -isystem S/&lt;canonical&gt;/include</c>
    /// (clang's own headers such as stddef.h stay visible); nothing otherwise. Debian's cross glibc is not a real
    /// sysroot (no <c>usr/</c> inside): clang finds it through the GCC cross installation, and <c>--sysroot=/usr/aarch64-linux-gnu</c> breaks linking.
    /// </summary>
    public IReadOnlyList<string> SysrootArgs(string sysroot) => Sysroot switch
    {
        SysrootKind.Veridian => [$"--sysroot={sysroot}", "-nostdlibinc", "-isystem", IncludeDir(sysroot)!],
        SysrootKind.None or SysrootKind.CrossGlibc or SysrootKind.Host => [],
    };
}
