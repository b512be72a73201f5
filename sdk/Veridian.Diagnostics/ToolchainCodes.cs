namespace Veridian.Diagnostics;

/// <summary>Codes VDN3xxx: LLVM, the compile pipeline, the cc/c++ driver, the linker and archiver. Each says what the user should do.</summary>
public static class ToolchainCodes
{
    /// <summary>libLLVM 19 cannot be loaded; install the <c>libllvm19</c> package (scripts/bootstrap-host).</summary>
    public const string LlvmUnavailable = "VDN3001";

    /// <summary>An input is not valid LLVM bitcode; rebuild it with the same toolchain (clang-19 or veridian cc -flto).</summary>
    public const string BadBitcode = "VDN3002";

    /// <summary>An LLVM IR text file (.ll) does not parse; the message gives the line; fix the IR.</summary>
    public const string BadIr = "VDN3003";

    /// <summary>A module fails LLVM's verifier; this is a bug in whatever produced the IR, report it with the file.</summary>
    public const string VerifyFailed = "VDN3004";

    /// <summary>A module's triple or data layout does not match the target; compile it for the same --target.</summary>
    public const string TargetMismatch = "VDN3005";

    /// <summary>A module's ABI flag (e.g. riscv "target-abi") differs from the target's ABI; compile all inputs with the target's -mabi.</summary>
    public const string AbiMismatch = "VDN3006";

    /// <summary>The optimisation pipeline failed to run; the message is LLVM's.</summary>
    public const string PassesFailed = "VDN3007";

    /// <summary>Code generation (object or assembly emission) failed; the message is LLVM's.</summary>
    public const string EmitFailed = "VDN3008";

    /// <summary>Linking bitcode modules (-flto) failed, e.g. two definitions of one symbol; the message names it.</summary>
    public const string ModuleLinkFailed = "VDN3009";

    /// <summary>LLVM has no target machine for the target's triple/CPU; check the target database entry.</summary>
    public const string NoTargetMachine = "VDN3010";

    /// <summary>LLVM hit a fatal error and ends the process (printed by the handler just before); report it with the input.</summary>
    public const string LlvmFatal = "VDN3011";

    /// <summary>The C/C++ front end (clang-19) reported errors; its messages are printed above.</summary>
    public const string FrontEndFailed = "VDN3020";

    /// <summary>A flag cannot work for the chosen target (e.g. -fPIC or -shared on a kernel target); remove it or pick another target.</summary>
    public const string FlagNotForTarget = "VDN3021";

    /// <summary>The linker (ld.lld-19) reported errors; its messages are printed above.</summary>
    public const string LinkFailed = "VDN3022";

    /// <summary>Archiving failed (veridian ar): a missing member or an unwritable archive; the message names the file.</summary>
    public const string ArchiveFailed = "VDN3023";

    /// <summary>No input files were given; name at least one source, object or archive.</summary>
    public const string NoInputs = "VDN3024";

    /// <summary>A driver argument is malformed (a missing value, an unreadable @response file); see docs/cc.md.</summary>
    public const string BadDriverArgument = "VDN3025";

    /// <summary>An input file's kind is unknown from its extension; name its language with -x (c, c++, assembler, ...).</summary>
    public const string UnknownInputKind = "VDN3026";
}
