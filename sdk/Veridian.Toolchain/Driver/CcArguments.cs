using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Toolchain.Driver;

/// <summary>
/// A parsed <c>veridian cc</c>/<c>c++</c> command line (gcc/clang syntax). Flags the driver acts on are taken out;
/// link flags become <see cref="LinkItem"/>s in order; every other flag goes to clang unchanged.
/// </summary>
public sealed class CcArguments
{
    /// <summary>Front-end flags whose value is the next argument (forwarded with it).</summary>
    private static readonly HashSet<string> SeparateValueFrontEnd = new(StringComparer.Ordinal)
    {
        "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-D", "-U", "-MF", "-MT", "-MQ", "-Xclang",
        "-Xpreprocessor", "-Xassembler", "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-isysroot", "-mllvm",
        "-ivfsoverlay", "-include-pch", "-dependency-file", "-Xanalyzer", "-std", "-resource-dir", "--sysroot",
        "-ferror-limit", "-ftemplate-depth", "-imultilib", "-cxx-isystem", "-F", "-working-directory",
    };

    public TargetInfo? Target { get; private set; }
    public string? TargetText { get; private set; }
    public bool Cxx { get; }
    public CcMode Mode { get; private set; } = CcMode.Link;
    public string? Output { get; private set; }
    public OptLevel Opt { get; private set; } = OptLevel.O0;
    public bool OptGiven { get; private set; }
    public bool EmitLlvm { get; private set; }
    public bool Lto { get; private set; }
    public bool Verbose { get; private set; }
    public bool DryRun { get; private set; }
    public bool? Static { get; private set; }
    public bool Shared { get; private set; }
    public bool NoStdLib { get; private set; }
    public bool NoStartFiles { get; private set; }
    public bool NoDefaultLibs { get; private set; }
    public string? LinkerScript { get; private set; }
    public string? Entry { get; private set; }
    public string? Sysroot { get; private set; }
    public CodegenOptions Codegen { get; private set; } = CodegenOptions.Default;

    /// <summary>Flags for clang, in order.</summary>
    public List<string> FrontEnd { get; } = [];

    /// <summary>Sources and linker items, in order.</summary>
    public List<CcInput> Inputs { get; } = [];

    /// <summary>For <see cref="CcMode.Preprocess"/> and <see cref="CcMode.Query"/>: the user's arguments minus the target flag, given to clang as they are.</summary>
    public List<string> PassThrough { get; } = [];

    /// <summary>The flags that made the mode <see cref="CcMode.Query"/> (e.g. <c>--version</c>).</summary>
    public List<string> Queries { get; } = [];

    private readonly List<string> _targets = [];

    private CcArguments(bool cxx) => Cxx = cxx;

    /// <summary>Parses (after response-file expansion). <paramref name="defaultTarget"/> is used when no <c>--target</c> is given.</summary>
    public static CcArguments Parse(IReadOnlyList<string> args, bool cxx, string? defaultTarget = null)
    {
        var a = new CcArguments(cxx);
        a.ParseCore(args);
        var targetText = a.TargetText ?? defaultTarget ?? Environment.GetEnvironmentVariable("VERIDIAN_TARGET");
        // A prefixed entry point passes the canonical triple first; a build system (CMake's CMAKE_C_COMPILER_TARGET)
        // may then pass the LLVM triple of the same target. The specific, canonical one wins.
        if (a._targets.Count > 1 && TargetDatabase.TryResolve(a._targets[0], out var first, out _) &&
            a._targets.Skip(1).All(t => t == first.LlvmTriple || t == a._targets[0]))
            targetText = a._targets[0];
        if (string.IsNullOrEmpty(targetText))
            throw DiagnosticException.Error(ToolchainCodes.BadDriverArgument, "no target: pass --target=<triple>",
                hint: "e.g. --target=x86_64-veridian-kernel-none, or use a prefixed compiler such as x86_64-veridian-kernel-none-cc; 'veridian targets list' shows them");
        a.Target = TargetDatabase.Resolve(targetText);
        a.TargetText = targetText;
        a.CheckTarget();
        return a;
    }

    private void ParseCore(IReadOnlyList<string> args)
    {
        InputKind? language = null;
        var stdinWithoutLanguage = false;
        var codegen = CodegenOptions.Default;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Next()
            {
                if (i + 1 >= args.Count)
                    throw DiagnosticException.Error(ToolchainCodes.BadDriverArgument, $"argument to '{arg}' is missing (expected 1 value)");
                return args[++i];
            }
            void Pass(params string[] values)
            {
                FrontEnd.AddRange(values);
                PassThrough.AddRange(values);
            }

            if (arg.Length == 0)
                continue;
            if (arg[0] != '-' || arg == "-")
            {
                PassThrough.Add(arg);
                var kind = language ?? InputKinds.FromPath(arg);
                if (Cxx && kind == InputKind.C)
                    kind = InputKind.Cxx;
                // As clang: -E reads standard input as C (C++ for c++) without -x; anything else needs -x (checked below, when the mode is known).
                stdinWithoutLanguage |= arg == "-" && language is null;
                Inputs.Add(kind == InputKind.Linker ? CcInput.Linker(LinkItem.File(arg)) : CcInput.Source(arg, kind));
                continue;
            }
            if (codegen.With(arg) is { } withFlag)
            {
                codegen = withFlag;
                Pass(arg);
                continue;
            }
            switch (arg)
            {
                case "-target" or "--target":
                    TargetText = Next();
                    _targets.Add(TargetText);
                    continue;
                case "-c":
                    SetMode(CcMode.Compile);
                    continue;
                case "-S":
                    SetMode(CcMode.Assemble);
                    continue;
                case "-E":
                    Mode = CcMode.Preprocess;
                    PassThrough.Add(arg);
                    continue;
                case "-M" or "-MM":
                    // -M/-MM without -MD: print dependencies instead of compiling (implies -E).
                    Mode = CcMode.Preprocess;
                    PassThrough.Add(arg);
                    continue;
                case "-o":
                    Output = Next();
                    PassThrough.AddRange(["-o", Output]);
                    continue;
                case "-emit-llvm":
                    EmitLlvm = true;
                    continue;
                case "-flto" or "-flto=full":
                    Lto = true;
                    continue;
                case "-fno-lto":
                    Lto = false;
                    continue;
                case "-v":
                    Verbose = true;
                    Pass(arg);
                    continue;
                case "-###":
                    DryRun = true;
                    continue;
                case "-x":
                    language = Language(Next());
                    PassThrough.AddRange(["-x", args[i]]);
                    continue;
                case "--version" or "-dumpversion" or "-dumpmachine" or "-print-search-dirs" or "-print-libgcc-file-name"
                    or "-print-multi-directory" or "-print-multi-lib" or "-print-resource-dir" or "-print-target-triple"
                    or "-print-effective-triple" or "-print-multiarch":
                    Queries.Add(arg);
                    PassThrough.Add(arg);
                    continue;
                case "-pipe" or "-Qunused-arguments" or "-fuse-ld=lld" or "-fuse-ld=ld.lld":
                    continue;
                // Link flags.
                case "-static":
                    Static = true;
                    continue;
                case "-shared":
                    Shared = true;
                    continue;
                case "-nostdlib":
                    NoStdLib = true;
                    continue;
                case "-nostartfiles":
                    NoStartFiles = true;
                    continue;
                case "-nodefaultlibs":
                    NoDefaultLibs = true;
                    continue;
                case "-static-libgcc" or "-static-libstdc++" or "-no-pie":
                    continue;
                case "-pie":
                    Static = false;
                    Inputs.Add(CcInput.Linker(LinkItem.Flag("-pie")));
                    continue;
                case "-rdynamic":
                    Inputs.Add(CcInput.Linker(LinkItem.Flag("--export-dynamic")));
                    continue;
                case "-s":
                    Inputs.Add(CcInput.Linker(LinkItem.Flag("--strip-all")));
                    continue;
                case "-L":
                    Inputs.Add(CcInput.Linker(LinkItem.LibraryPath(Next())));
                    continue;
                case "-l":
                    Inputs.Add(CcInput.Linker(LinkItem.Library(Next())));
                    continue;
                case "-T":
                    LinkerScript = Next();
                    continue;
                case "-e":
                    Entry = Next();
                    continue;
                case "-u":
                    Inputs.Add(CcInput.Linker(LinkItem.Flag("--undefined=" + Next())));
                    continue;
                case "-z":
                    Inputs.Add(CcInput.Linker(LinkItem.Flag("-z")));
                    Inputs.Add(CcInput.Linker(LinkItem.Flag(Next())));
                    continue;
                case "-Xlinker":
                    Inputs.Add(CcInput.Linker(LinkItem.Flag(Next())));
                    continue;
                case "-fPIC" or "-fpic":
                    codegen = codegen with { RelocationModel = RelocationModel.Pic };
                    Pass(arg);
                    continue;
                case "-fPIE" or "-fpie":
                    codegen = codegen with { RelocationModel = RelocationModel.Pie };
                    Pass(arg);
                    continue;
                case "-fno-pic" or "-fno-PIC" or "-fno-pie" or "-fno-PIE":
                    codegen = codegen with { RelocationModel = RelocationModel.Static };
                    Pass(arg);
                    continue;
            }
            if (arg.StartsWith("--target=", StringComparison.Ordinal))
            {
                TargetText = arg["--target=".Length..];
                _targets.Add(TargetText);
            }
            else if (arg.StartsWith("-O", StringComparison.Ordinal))
            {
                Opt = OptLevels.Parse(arg[2..]) ?? throw DiagnosticException.Error(ToolchainCodes.BadDriverArgument, $"invalid optimisation level '{arg}'",
                    hint: "use -O0, -O1, -O2, -O3, -Os or -Oz");
                OptGiven = true;
                PassThrough.Add(arg);
            }
            else if (arg.StartsWith("-x", StringComparison.Ordinal))
            {
                language = Language(arg[2..]);
                PassThrough.Add(arg);
            }
            else if (arg.StartsWith("-o", StringComparison.Ordinal))
            {
                Output = arg[2..];
                PassThrough.Add(arg);
            }
            else if (arg.StartsWith("-Wl,", StringComparison.Ordinal))
                Inputs.AddRange(arg[4..].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(f => CcInput.Linker(LinkItem.Flag(f))));
            else if (arg.StartsWith("-L", StringComparison.Ordinal))
                Inputs.Add(CcInput.Linker(LinkItem.LibraryPath(arg[2..])));
            else if (arg.StartsWith("-l", StringComparison.Ordinal))
                Inputs.Add(CcInput.Linker(LinkItem.Library(arg[2..])));
            else if (arg.StartsWith("-T", StringComparison.Ordinal) && arg.Length > 2)
                LinkerScript = arg[2..];
            else if (arg.StartsWith("-fuse-ld=", StringComparison.Ordinal))
                throw DiagnosticException.Error(ToolchainCodes.FlagNotForTarget, $"'{arg}': the Veridian toolchain links with ld.lld-19 only",
                    hint: "drop the flag (or use -fuse-ld=lld)");
            else if (arg.StartsWith("-flto=", StringComparison.Ordinal))
                throw DiagnosticException.Error(ToolchainCodes.FlagNotForTarget, $"'{arg}' is not supported: the toolchain does full LTO in-process",
                    hint: "use -flto");
            else if (arg.StartsWith("-print-", StringComparison.Ordinal))
            {
                Queries.Add(arg);
                PassThrough.Add(arg);
            }
            else if (arg.StartsWith("--sysroot=", StringComparison.Ordinal))
                Sysroot = arg["--sysroot=".Length..];
            else if (arg.StartsWith("-mcmodel=", StringComparison.Ordinal))
            {
                codegen = codegen with { CodeModel = CodeModelOf(arg["-mcmodel=".Length..]) };
                Pass(arg);
            }
            else if (SeparateValueFrontEnd.Contains(arg))
            {
                var value = Next();
                if (arg == "--sysroot")
                    Sysroot = value;
                else
                    Pass(arg, value);
            }
            else
                Pass(arg);
        }
        Codegen = codegen;
        if (stdinWithoutLanguage && Mode != CcMode.Preprocess)
            throw DiagnosticException.Error(ToolchainCodes.UnknownInputKind, "'-' (standard input) needs -x <language>", hint: "e.g. -x c -, or -E to preprocess it as C");
        if (Queries.Count > 0 && Inputs.Count == 0)
            Mode = CcMode.Query;
    }

    private void SetMode(CcMode mode)
    {
        if (Mode != CcMode.Preprocess)
            Mode = Mode == CcMode.Link || mode == CcMode.Assemble ? mode : Mode;
    }

    private static InputKind? Language(string name) => name == "none" ? null
        : InputKinds.FromLanguage(name) ?? throw DiagnosticException.Error(ToolchainCodes.UnknownInputKind, $"language not recognized: '{name}'",
            hint: "use -x c, c++, c-header, c++-header, cpp-output, assembler, assembler-with-cpp or ir");

    private static CodeModel? CodeModelOf(string value) => value switch
    {
        "small" or "medlow" => CodeModel.Small,
        "medium" or "medany" => CodeModel.Medium,
        "kernel" => CodeModel.Kernel,
        "large" => CodeModel.Large,
        _ => null, // clang reports unknown models itself
    };

    /// <summary>Rejects flags that cannot work for the target, before anything runs (some would abort LLVM).</summary>
    private void CheckTarget()
    {
        var target = Target!;
        var veridian = target.Os == Os.Veridian;
        foreach (var flag in FrontEnd)
        {
            string? why = flag switch
            {
                "-m32" or "-m16" or "-mx32" or "-m31" => $"{target.Canonical} is a 64-bit target",
                "-gsplit-dwarf" => "split DWARF needs a code generator option the in-process pipeline does not have; use -g",
                "-fno-integrated-as" or "-no-integrated-as" => "code is assembled in-process by LLVM's integrated assembler",
                "-pthread" when target.IsKernel => "a kernel has no threads library",
                _ when flag.StartsWith("-mabi=", StringComparison.Ordinal) && target.LlvmAbi.Length > 0 && flag[6..] != target.LlvmAbi =>
                    $"the target's ABI is {target.LlvmAbi}; objects for another ABI cannot be linked with it",
                _ when veridian && flag.StartsWith("-fsanitize=", StringComparison.Ordinal) && !FrontEnd.Any(f => f.StartsWith("-fsanitize-trap", StringComparison.Ordinal)) =>
                    "there is no sanitizer runtime for VeridianOS (use -fsanitize-trap=all for trapping checks)",
                _ when veridian && (flag.StartsWith("-fprofile-generate", StringComparison.Ordinal) || flag.StartsWith("-fprofile-instr-generate", StringComparison.Ordinal) || flag == "--coverage") =>
                    "there is no profiling runtime for VeridianOS",
                _ => null,
            };
            if (why is not null)
                throw DiagnosticException.Error(ToolchainCodes.FlagNotForTarget, $"'{flag}' cannot be used with --target={target.Canonical}: {why}");
        }
        if (veridian && Shared)
            throw DiagnosticException.Error(ToolchainCodes.FlagNotForTarget, $"'-shared' cannot be used with --target={target.Canonical}: it links statically (no dynamic loader)",
                hint: "build a static archive with 'veridian ar' instead");
        if (veridian && Inputs.Any(i => i.Link is { Kind: LinkItemKind.Flag, Value: "-pie" }))
            throw DiagnosticException.Error(ToolchainCodes.FlagNotForTarget, $"'-pie' cannot be used with --target={target.Canonical}: images are static, linked at {(target.LoadAddress is { } a ? $"0x{a:x}" : "their load address")}");
    }
}
