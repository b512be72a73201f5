using System.Text;

namespace Veridian.Triples.Emit;

/// <summary>
/// <c>cmake</c>: a toolchain file for <c>cmake -DCMAKE_TOOLCHAIN_FILE=&lt;file&gt;</c>. VeridianOS targets set
/// <c>CMAKE_SYSTEM_NAME VeridianOS</c> and ship <c>Platform/VeridianOS.cmake</c> beside the toolchain file (found
/// through <c>CMAKE_MODULE_PATH</c>); Linux targets use CMake's own Linux platform and qemu-user as the emulator.
/// </summary>
internal static class CMakeEmitter
{
    public const string PlatformModulePath = "Platform/VeridianOS.cmake";

    public static EmitResult Emit(TargetInfo t, EmitOptions o)
    {
        if (o.EntryPoints is { } bin && t.Sysroot == SysrootKind.Veridian)
            return EmitForDriver(t, o, bin);
        // CMake passes --target itself from CMAKE_<LANG>_COMPILER_TARGET, and --sysroot from CMAKE_SYSROOT.
        var compile = TargetEmitter.CompileFlags(t, o)
            .Where(a => !a.StartsWith("--target=", StringComparison.Ordinal) && !a.StartsWith("--sysroot=", StringComparison.Ordinal))
            .ToList();
        var link = TargetEmitter.LinkFlags(t, o);
        var sb = new StringBuilder();
        Header(sb, t);
        foreach (var (lang, compiler) in new[] { ("C", o.CCompiler), ("CXX", o.CxxCompiler), ("ASM", o.CCompiler) })
        {
            sb.Append("set(CMAKE_").Append(lang).Append("_COMPILER ").Append(Q(compiler)).Append(")\n");
            sb.Append("set(CMAKE_").Append(lang).Append("_COMPILER_TARGET ").Append(t.LlvmTriple).Append(")\n");
            sb.Append("set(CMAKE_").Append(lang).Append("_FLAGS_INIT ").Append(Q(string.Join(' ', compile))).Append(")\n");
        }
        sb.Append("set(CMAKE_AR ").Append(Q(o.Archiver)).Append(" CACHE FILEPATH \"archiver\")\n");
        switch (t.LinkerFlavor)
        {
            case LinkerFlavor.Lld:
                // VeridianOS images are linked by ld.lld directly, as the SDK links them: clang-19's driver hands
                // x86_64-unknown-none-elf links to gcc, which finds no ld.lld.
                sb.Append("set(CMAKE_LINKER ").Append(Q(o.LinkerPath)).Append(" CACHE FILEPATH \"linker\")\n");
                foreach (var lang in new[] { "C", "CXX", "ASM" })
                    sb.Append("set(CMAKE_").Append(lang).Append("_LINK_EXECUTABLE \"<CMAKE_LINKER> <LINK_FLAGS> <OBJECTS> -o <TARGET> <LINK_LIBRARIES>\")\n");
                sb.Append("set(CMAKE_EXE_LINKER_FLAGS_INIT ").Append(Q(string.Join(' ', TargetEmitter.LldFlags(t, o)))).Append(")\n\n");
                break;
            case LinkerFlavor.ClangDriver:
                sb.Append("set(CMAKE_EXE_LINKER_FLAGS_INIT ").Append(Q(string.Join(' ', link))).Append(")\n\n");
                break;
        }

        switch (t.Sysroot)
        {
            case SysrootKind.Veridian:
                sb.Append("set(CMAKE_SYSROOT ").Append(Q(o.Sysroot)).Append(")\n");
                sb.Append("set(CMAKE_FIND_ROOT_PATH ").Append(Q(Path.Combine(o.Sysroot, t.Canonical))).Append(")\n");
                break;
            case SysrootKind.CrossGlibc:
                sb.Append("set(CMAKE_FIND_ROOT_PATH ").Append(Q(t.SysrootPath)).Append(")\n");
                break;
            case SysrootKind.None:
            case SysrootKind.Host:
                break;
        }
        if (t.Sysroot is SysrootKind.Veridian or SysrootKind.CrossGlibc or SysrootKind.None)
        {
            sb.Append("set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)\n");
            sb.Append("set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)\n");
            sb.Append("set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)\n");
            sb.Append("set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)\n");
        }
        if (t.Qemu.Mode == QemuMode.User)
            sb.Append("set(CMAKE_CROSSCOMPILING_EMULATOR ").Append(Q(string.Join(';', [t.Qemu.Binary, .. t.Qemu.Args]))).Append(")\n");
        if (t.Os == Os.Veridian)
        {
            // Nothing can run or link a test executable for the target on the host before the sysroot exists,
            // so CMake's compiler checks build a static library instead.
            sb.Append("set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)\n");
        }
        var companions = t.Os == Os.Veridian ? new[] { new EmittedFile(PlatformModulePath, PlatformModule) } : [];
        return new EmitResult(sb.ToString(), companions);
    }

    /// <summary>The toolchain file for a target of the SDK's sysroot, naming the prefixed entry points (<see cref="EmitOptions.EntryPoints"/>).</summary>
    private static EmitResult EmitForDriver(TargetInfo t, EmitOptions o, string bin)
    {
        var sb = new StringBuilder();
        Header(sb, t);
        sb.Append("# veridian cc adds the target's flags, relibc-cs's headers, crt objects and libc (building the sysroot on\n");
        sb.Append("# demand), and links; veridian run runs what it builds (try_run, ctest).\n");
        foreach (var (lang, tool) in new[] { ("C", "cc"), ("CXX", "c++"), ("ASM", "cc") })
            sb.Append("set(CMAKE_").Append(lang).Append("_COMPILER ").Append(Q(Path.Combine(bin, $"{t.Canonical}-{tool}"))).Append(")\n");
        sb.Append("set(CMAKE_AR ").Append(Q(Path.Combine(bin, $"{t.Canonical}-ar"))).Append(" CACHE FILEPATH \"archiver\")\n");
        sb.Append("set(CMAKE_RANLIB ").Append(Q(Path.Combine(bin, $"{t.Canonical}-ranlib"))).Append(" CACHE FILEPATH \"ranlib\")\n");
        sb.Append("set(CMAKE_CROSSCOMPILING_EMULATOR ").Append(Q(Path.Combine(bin, $"{t.Canonical}-run"))).Append(")\n\n");
        if (o.SysrootGiven)
            sb.Append("set(CMAKE_SYSROOT ").Append(Q(o.Sysroot)).Append(")\n");
        sb.Append("set(CMAKE_FIND_ROOT_PATH ").Append(Q(Path.Combine(o.Sysroot, t.Canonical))).Append(")\n");
        sb.Append("set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)\n");
        sb.Append("set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)\n");
        sb.Append("set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)\n");
        sb.Append("set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)\n");
        var companions = t.Os == Os.Veridian ? new[] { new EmittedFile(PlatformModulePath, PlatformModule) } : [];
        return new EmitResult(sb.ToString(), companions);
    }

    private static void Header(StringBuilder sb, TargetInfo t)
    {
        sb.Append("# CMake toolchain file for ").Append(t.Canonical).Append(" (").Append(t.Description).Append(").\n");
        sb.Append("# Generated by: veridian targets emit ").Append(t.Canonical).Append(" --format cmake --output <file>\n");
        sb.Append("# Use: cmake -DCMAKE_TOOLCHAIN_FILE=<file> -S . -B build\n");
        sb.Append("cmake_minimum_required(VERSION 3.20)\n\n");
        sb.Append("set(CMAKE_SYSTEM_NAME ").Append(t.Os switch { Os.Veridian => "VeridianOS", Os.Linux => "Linux" }).Append(")\n");
        sb.Append("set(CMAKE_SYSTEM_PROCESSOR ").Append(t.Arch.Name()).Append(")\n");
        sb.Append("set(VERIDIAN_TARGET ").Append(t.Canonical).Append(")\n");
        sb.Append("set(VERIDIAN_SUBSYSTEM ").Append(t.Subsystem.Name()).Append(")\n");
        if (t.Os == Os.Veridian)
            sb.Append("list(APPEND CMAKE_MODULE_PATH \"${CMAKE_CURRENT_LIST_DIR}\")\n");
        sb.Append('\n');
    }

    private static string Q(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("$", "\\$") + "\"";

    /// <summary>The platform module: static ELF executables, no shared libraries, Unix file names.</summary>
    internal const string PlatformModule = """
        # CMake platform module for VeridianOS (CMAKE_SYSTEM_NAME VeridianOS), shipped beside the toolchain file
        # that `veridian targets emit <triple> --format cmake` writes.
        include_guard(GLOBAL)

        set(UNIX 1)
        set(VERIDIAN 1)

        # Static ELF executables and archives; VeridianOS has no dynamic loader yet.
        set(CMAKE_EXECUTABLE_SUFFIX "")
        set(CMAKE_STATIC_LIBRARY_PREFIX "lib")
        set(CMAKE_STATIC_LIBRARY_SUFFIX ".a")
        set(CMAKE_SHARED_LIBRARY_PREFIX "lib")
        set(CMAKE_SHARED_LIBRARY_SUFFIX ".so")
        set(CMAKE_FIND_LIBRARY_PREFIXES "lib")
        set(CMAKE_FIND_LIBRARY_SUFFIXES ".a")
        set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)
        set(CMAKE_LINK_SEARCH_START_STATIC ON)
        set(CMAKE_LINK_SEARCH_END_STATIC ON)

        # Headers and libraries live in <sysroot>/<triple>/{include,lib}.
        list(APPEND CMAKE_SYSTEM_PREFIX_PATH "/")
        list(APPEND CMAKE_SYSTEM_INCLUDE_PATH "/include")
        list(APPEND CMAKE_SYSTEM_LIBRARY_PATH "/lib")

        """;
}
