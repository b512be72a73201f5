using System.Diagnostics;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Host;
using Veridian.Llvm;
using Veridian.Triples;

namespace Veridian.Toolchain;

/// <summary>
/// Links through ld.lld-19 with the target's defaults: static, <c>--build-id=sha1</c>,
/// <c>-z max-page-size=&lt;page size&gt;</c>, the kernel linker script for kernel targets. Bitcode inputs (-flto;
/// raw or in the wrapper format, <see cref="Bitcode"/>) are linked into one module in-process (LLVMLinkModules2), optimised with <c>lto&lt;On&gt;</c> and compiled once.
/// Linux triples link through the clang-19 driver with <c>-fuse-ld=lld</c> (it knows Debian's cross glibc start files).
/// </summary>
public static class Linker
{
    /// <summary>
    /// Links; linker errors give VDN3022, bad bitcode VDN3002/3009. Cancelling <paramref name="cancel"/> kills a
    /// running ld.lld-19 (or clang-19 driving it) and throws <see cref="OperationCanceledException"/>; the output is then not written.
    /// </summary>
    public static LinkResult Link(LinkRequest request, CancellationToken cancel = default)
    {
        var target = request.Target;
        var cwd = request.WorkingDirectory ?? Directory.GetCurrentDirectory();
        var output = Path.GetFullPath(request.Output, cwd);
        if (request.Shared && target.Os == Os.Veridian)
            throw DiagnosticException.Error(ToolchainCodes.FlagNotForTarget, $"-shared: {target.Canonical} links statically (VeridianOS has no dynamic loader yet)",
                hint: "build a static archive with 'veridian ar' instead");
        var temp = Directory.CreateTempSubdirectory("veridian-ld-");
        try
        {
            var items = LinkTimeOptimize(request, cwd, temp.FullName);
            cancel.ThrowIfCancellationRequested();
            var command = target.LinkerFlavor switch
            {
                LinkerFlavor.Lld => LldCommand(request, items, output, KernelScriptPath(request, temp.FullName)),
                LinkerFlavor.ClangDriver => ClangLinkCommand(request, items, output),
            };
            var result = CompilePipeline.AtomicRun(command, output, cwd, request.InheritStderr, cancel);
            if (result.ExitCode != 0)
            {
                var first = result.StdErr.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))?.Trim();
                throw new DiagnosticException(Diagnostic.Error(ToolchainCodes.LinkFailed,
                    $"linking {request.Output} failed (exit {result.ExitCode})" + (first is null ? "" : $": {first}"),
                    hint: result.StdErr.Length > 0 ? result.StdErr.TrimEnd() : "the linker's messages are above"));
            }
            return new LinkResult(output, [command], result.StdErr);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>The ld.lld-19 command for a VeridianOS target (what <c>-###</c> prints).</summary>
    /// <param name="request">The link.</param>
    /// <param name="items">The linker items after LTO.</param>
    /// <param name="output">The image path.</param>
    /// <param name="kernelScript">Where the kernel linker script was written (kernel targets without <see cref="LinkRequest.LinkerScript"/>).</param>
    public static IReadOnlyList<string> LldCommand(LinkRequest request, IReadOnlyList<LinkItem> items, string output, string? kernelScript)
    {
        var target = request.Target;
        var args = new List<string> { HostProbe.RequireTool("lld") };
        // The target's image flags (static, page size, entry, build id); a link asked not to be static drops -static.
        args.AddRange(target.LldImageArgs(request.Entry).Where(a => a != "-static" || (request.Static ?? true)));
        if (target.IsKernel || request.LinkerScript is not null)
        {
            args.AddRange(["-T", request.LinkerScript ?? kernelScript ?? throw new ArgumentNullException(nameof(kernelScript))]);
        }
        else if (target.LoadAddress is { } address)
        {
            args.Add($"--image-base=0x{address:x}");
        }
        var libDir = target.Sysroot == SysrootKind.Veridian && !request.NoStdLib ? target.LibDir(request.Sysroot ?? SdkLayout.DefaultSysroot) : null;
        string? StartFile(string name) => libDir is not null && !request.NoStartFiles && File.Exists(Path.Combine(libDir, name)) ? Path.Combine(libDir, name) : null;
        if (libDir is not null)
            args.Add("-L" + libDir);
        // The SysV start-file order (docs/relibc.md, "Linking"): crt1.o (_start), crti.o (.init/.fini prologues),
        // the program, the libraries, crtn.o (the epilogues).
        args.AddRange(new[] { StartFile("crt1.o"), StartFile("crti.o") }.OfType<string>());
        args.AddRange(items.Select(i => i.LldArg));
        if (libDir is not null && !request.NoDefaultLibs && File.Exists(Path.Combine(libDir, "libc.a")))
        {
            // libm.a and libpthread.a are empty: their functions are in libc.a (as musl's), so -lm and -lpthread only
            // need to exist. libc.a is one object with a section per function: --gc-sections drops what is unused.
            args.Add("-lc");
            args.Add("--gc-sections");
        }
        if (StartFile("crtn.o") is { } crtn)
            args.Add(crtn);
        args.AddRange(["-o", output]);
        return args;
    }

    /// <summary>The clang-19 link command for a Linux triple.</summary>
    public static IReadOnlyList<string> ClangLinkCommand(LinkRequest request, IReadOnlyList<LinkItem> items, string output)
    {
        var target = request.Target;
        var args = new List<string> { HostProbe.RequireTool("clang"), $"--target={target.LlvmTriple}", "-fuse-ld=lld",
            "-Wl,--build-id=sha1", $"-Wl,-z,max-page-size={target.PageSize}" };
        if (request.Cxx)
            args.Insert(1, "--driver-mode=g++");
        if (request.Static == true)
            args.Add("-static");
        if (request.Shared)
            args.Add("-shared");
        if (request.NoStdLib)
            args.Add("-nostdlib");
        if (request.NoStartFiles)
            args.Add("-nostartfiles");
        if (request.NoDefaultLibs)
            args.Add("-nodefaultlibs");
        if (request.LinkerScript is not null)
            args.AddRange(["-T", request.LinkerScript]);
        if (request.Entry is not null)
            args.Add($"-Wl,-e,{request.Entry}");
        args.AddRange(items.Select(i => i.ClangArg));
        args.AddRange(["-o", output]);
        return args;
    }

    /// <summary>
    /// Replaces the bitcode files among <paramref name="request"/>'s items by one object: the modules linked
    /// in one context, <c>lto&lt;On&gt;</c> run once on the result, one codegen (placed where the first bitcode was).
    /// </summary>
    public static IReadOnlyList<LinkItem> LinkTimeOptimize(LinkRequest request, string cwd, string tempDir)
    {
        var bitcode = request.Items.Where(i => i.Kind == LinkItemKind.File && Bitcode.IsBitcodeFile(Path.GetFullPath(i.Value, cwd))).ToList();
        if (bitcode.Count == 0)
            return request.Items;
        var ltoObject = Path.Combine(tempDir, "lto.o");
        using (var context = new LlvmContext())
        {
            using var merged = context.ParseFile(Path.GetFullPath(bitcode[0].Value, cwd));
            foreach (var item in bitcode.Skip(1))
                merged.Link(context.ParseFile(Path.GetFullPath(item.Value, cwd)), item.Value);
            Codegen.Emit(merged, request.Target, request.LtoOpt, OutputKind.Object, ltoObject, request.Codegen, PipelinePhase.Lto, "LTO module");
        }
        var result = new List<LinkItem>();
        foreach (var item in request.Items)
        {
            if (item == bitcode[0])
                result.Add(LinkItem.File(ltoObject));
            else if (!bitcode.Contains(item))
                result.Add(item);
        }
        return result;
    }

    private static string? KernelScriptPath(LinkRequest request, string tempDir)
    {
        if (!request.Target.IsKernel || request.LinkerScript is not null)
            return null;
        return KernelLinkerScript.Write(request.Target, Path.Combine(tempDir, "kernel.ld"));
    }
}
