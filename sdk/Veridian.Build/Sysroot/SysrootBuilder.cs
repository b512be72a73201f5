using System.Text;
using Veridian.Build.Graph;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Build.Sysroot;

/// <summary>
/// Builds relibc-cs into a target's sysroot on demand (docs/relibc.md, "Sysroot"): the libc project and its start-file
/// project through the build engine (release profile; cached, a no-op when nothing changed), then
/// <c>&lt;sysroot&gt;/&lt;triple&gt;/{include,lib/{crt1.o,crti.o,crtn.o,libc.a,libm.a,libpthread.a}}</c> replaced as a
/// whole — only when its content changed, by a rename, so a compiler reading the sysroot never sees half of it.
/// </summary>
public static class SysrootBuilder
{
    private static readonly string[] s_startFiles = ["crt1", "crti", "crtn"];

    /// <summary>The sysroot's manifest in <c>&lt;sysroot&gt;/&lt;triple&gt;/</c>: the SHA-256 and path of every file it installed (sysroot/README.md).</summary>
    public const string ManifestFile = ".relibc-manifest";

    /// <summary>Whether relibc-cs has a backend for <paramref name="target"/> (Linux, and VeridianOS user programs).</summary>
    public static bool HasBackend(TargetInfo target) => target.Abi == Abi.Relibc && (target.Os == Os.Linux || (target.Os == Os.Veridian && target.Subsystem == Subsystem.User));

    /// <summary>relibc-cs's sources in the checkout the SDK runs from (beside <see cref="SdkLayout.Artifacts"/>), or null.</summary>
    public static string? SourceDirectory
    {
        get
        {
            var dir = Path.Combine(Path.GetDirectoryName(SdkLayout.Artifacts)!, "relibc-cs");
            return File.Exists(Path.Combine(dir, "veridian.toml")) ? dir : null;
        }
    }

    /// <summary>
    /// Makes <c>&lt;sysroot&gt;/&lt;triple&gt;</c> current for <paramref name="target"/>; returns whether it was (re)installed.
    /// Several processes may call this at once (make -j): they take turns on <c>&lt;sysroot&gt;/.lock</c>.
    /// </summary>
    public static bool Ensure(TargetInfo target, string sysroot, BuildEngine? engine = null, CancellationToken cancel = default)
    {
        if (!HasBackend(target))
            return false;
        var source = SourceDirectory ?? throw DiagnosticException.Error(BuildCodes.SysrootBuildFailed,
            $"no relibc-cs sources beside this SDK ({SdkLayout.Artifacts}) to build the C library of {target.Canonical}",
            hint: "pass --sysroot (or set VERIDIAN_SYSROOT) to a sysroot that has it");
        // The hot path (every `veridian cc` under make): nothing that makes the sysroot changed since it was installed, so
        // neither build engine run is needed. Anything newer — a relibc-cs source, the compiler or toolchain that builds
        // it — goes the full way below, where the engine's cache decides what really runs.
        if (InstalledAfterEveryInput(Path.Combine(sysroot, target.Canonical, ManifestFile), source))
            return false;
        Directory.CreateDirectory(sysroot);
        using var sysrootLock = Lock(Path.Combine(sysroot, ".lock"), sysroot);
        // Again under the lock: a process that waited here finds the sysroot its predecessor just made current.
        if (InstalledAfterEveryInput(Path.Combine(sysroot, target.Canonical, ManifestFile), source))
            return false;
        engine ??= new BuildEngine();
        var crtDir = Path.Combine(source, "crt");
        foreach (var project in new[] { source, crtDir })
        {
            var result = engine.Build(new BuildRequest(project, [target.Canonical], AllTargets: false, "release"), cancel: cancel);
            if (!result.Succeeded)
            {
                var failed = result.Failed.FirstOrDefault();
                throw DiagnosticException.Error(BuildCodes.SysrootBuildFailed,
                    $"building relibc-cs for {target.Canonical} failed" + (failed is null ? "" : $" at {failed.Label}: {result.Outcome(failed).ToolOutput.Trim()}"),
                    hint: $"./veridian build {Path.GetRelativePath(Directory.GetCurrentDirectory(), project)} --target {target.Canonical} --profile release shows every step");
            }
        }
        var files = Layout(target, source, crtDir);
        var installed = Path.Combine(sysroot, target.Canonical);
        var manifest = Manifest(files);
        var manifestPath = Path.Combine(installed, ManifestFile);
        if (File.Exists(manifestPath) && File.ReadAllText(manifestPath) == manifest)
        {
            File.SetLastWriteTimeUtc(manifestPath, DateTime.UtcNow); // checked against its inputs: the next call takes the hot path
            return false;
        }

        var staging = Path.Combine(sysroot, $"{AtomicFile.TempPrefix}{target.Canonical}-{Guid.NewGuid():N}");
        try
        {
            foreach (var (relative, from) in files)
            {
                var to = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                if (from is null)
                    File.WriteAllBytes(to, "!<arch>\n"u8.ToArray()); // an empty archive: -lm and -lpthread resolve to libc.a's members
                else
                    File.Copy(from, to);
            }
            File.WriteAllText(Path.Combine(staging, ManifestFile), manifest);
            var old = Path.Combine(sysroot, $"{AtomicFile.TempPrefix}old-{target.Canonical}-{Guid.NewGuid():N}");
            if (Directory.Exists(installed))
                Directory.Move(installed, old);
            Directory.Move(staging, installed);
            if (Directory.Exists(old))
                Directory.Delete(old, recursive: true);
            return true;
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Whether the installed manifest is newer than every relibc-cs source (build outputs aside) and the SDK assemblies that compile them.</summary>
    private static bool InstalledAfterEveryInput(string manifestPath, string source)
    {
        if (!File.Exists(manifestPath))
            return false;
        var installed = File.GetLastWriteTimeUtc(manifestPath);
        foreach (var assembly in new[] { typeof(Veridian.Compiler.CSharpCompiler).Assembly, typeof(Veridian.Toolchain.Linker).Assembly })
        {
            if (assembly.Location.Length == 0 || File.GetLastWriteTimeUtc(assembly.Location) > installed)
                return false;
        }
        var sep = Path.DirectorySeparatorChar;
        return !Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}out{sep}", StringComparison.Ordinal))
            .Any(f => File.GetLastWriteTimeUtc(f) > installed);
    }

    /// <summary>Every file of the sysroot, relative path → where it comes from (null: an empty archive), ordinal order.</summary>
    private static IReadOnlyList<(string Relative, string? From)> Layout(TargetInfo target, string source, string crtDir)
    {
        var files = new List<(string, string?)>();
        var include = Path.Combine(source, "include");
        foreach (var header in Directory.EnumerateFiles(include, "*.h", SearchOption.AllDirectories))
            files.Add(("include/" + Path.GetRelativePath(include, header).Replace('\\', '/'), header));
        var arch = target.Arch.Name();
        // crt1.S is per architecture (crt/<arch>/), crti.S and crtn.S are shared (crt/).
        foreach (var crt in s_startFiles)
            files.Add(($"lib/{crt}.o", Path.Combine([crtDir, "out", target.Canonical, "release", "obj", .. crt == "crt1" ? new[] { arch } : [], crt + ".S.o"])));
        files.Add(("lib/libc.a", Path.Combine(source, "out", target.Canonical, "release", "libc.a")));
        files.Add(("lib/libm.a", null));
        files.Add(("lib/libpthread.a", null));
        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return files;
    }

    private static string Manifest(IReadOnlyList<(string Relative, string? From)> files)
    {
        var sb = new StringBuilder();
        foreach (var (relative, from) in files)
            sb.Append(from is null ? "empty-archive" : Convert.ToHexString(Sha256Hash.OfFile(from))).Append("  ").Append(relative).Append('\n');
        return sb.ToString();
    }

    /// <summary>The sysroot's build lock (a <see cref="FileLock"/>), waited for up to 10 minutes: another process may be building relibc-cs.</summary>
    private static FileLock Lock(string path, string sysroot)
    {
        try
        {
            return FileLock.Acquire(path, TimeSpan.FromMinutes(10));
        }
        catch (TimeoutException)
        {
            throw DiagnosticException.Error(BuildCodes.SysrootBuildFailed, $"another veridian process kept the sysroot '{sysroot}' locked for 10 minutes",
                hint: "wait for the other build to finish (its lock is <sysroot>/.lock), then build again");
        }
    }
}
