using System.Runtime.InteropServices;
using Veridian.Llvm.Interop;

namespace Veridian.Llvm;

/// <summary>Facts about the libLLVM this process uses.</summary>
public static class LlvmLibrary
{
    /// <summary>
    /// The version libLLVM reports (e.g. 19.1.7), or null when it cannot be loaded. With a
    /// <paramref name="path"/>, that file must load; the bindings then resolve to the same library.
    /// </summary>
    public static unsafe string? TryGetVersion(string? path = null)
    {
        var loaded = path is null
            ? NativeLibrary.TryLoad("libLLVM-19.so", typeof(LLVM).Assembly, DllImportSearchPath.SafeDirectories, out _)
            : NativeLibrary.TryLoad(path, out _);
        if (!loaded)
            return null;
        try
        {
            uint major, minor, patch;
            LLVM.LLVMGetVersion(&major, &minor, &patch);
            return $"{major}.{minor}.{patch}";
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }
}
