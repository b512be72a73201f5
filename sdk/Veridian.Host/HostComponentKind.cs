namespace Veridian.Host;

/// <summary>How a host component is found and how its version is read.</summary>
public enum HostComponentKind
{
    /// <summary>An executable; version from <c>--version</c>.</summary>
    Tool,

    /// <summary>The libLLVM shared library; version from <c>LLVMGetVersion</c>.</summary>
    Llvm,

    /// <summary>A data file (firmware, crt object, archive); version is the Debian package's.</summary>
    File,
}
