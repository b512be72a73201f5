using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Toolchain;
using Veridian.Toolchain.Driver;

namespace Veridian.Cli;

/// <summary>
/// The compiler-driver verbs (<c>cc</c>, <c>c++</c>, <c>ar</c>, <c>ld</c>) take gcc/ld-style arguments (<c>-v</c>,
/// <c>-o</c>, <c>@file</c>) that the System.CommandLine parser would claim, and they run once per source file under
/// make, so they are dispatched here before the command tree is built: raw arguments, minimal start-up.
/// </summary>
internal static class ToolchainDispatch
{
    /// <summary>Runs <paramref name="args"/> if it starts with a driver verb; false otherwise.</summary>
    public static bool TryRun(string[] args, TextWriter? output, TextWriter? error, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0 || args[0] is not ("cc" or "c++" or "ar" or "ld") || args.Skip(1).Any(a => a is "--help" or "-h" or "-?"))
            return false;
        exitCode = Run(args[0], args[1..], output ?? System.Console.Out, error ?? System.Console.Error);
        return true;
    }

    /// <summary>Builds relibc-cs into the default sysroot when the target's C library is relibc-cs on a backend it has.</summary>
    public static void PrepareSysroot(Veridian.Triples.TargetInfo target, string sysroot) => Veridian.Build.Sysroot.SysrootBuilder.Ensure(target, sysroot);

    /// <summary>Runs one driver verb with its raw arguments, reporting diagnostics as the other commands do.</summary>
    public static int Run(string verb, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            var code = verb switch
            {
                "cc" => CcDriver.Run(args, cxx: false, output, error, prepareSysroot: PrepareSysroot),
                "c++" => CcDriver.Run(args, cxx: true, output, error, prepareSysroot: PrepareSysroot),
                "ar" => Archiver.RunAr(args),
                _ => LdDriver.Run(args, error),
            };
            output.Flush();
            error.Flush();
            return code;
        }
        catch (DiagnosticException e)
        {
            var terminal = new Terminal(output, error, verbose: false, ColorMode.Auto, outputIsTerminal: !System.Console.IsErrorRedirected && ReferenceEquals(error, System.Console.Error));
            foreach (var d in e.Diagnostics)
                terminal.Report(d);
            return e.ExitCode;
        }
    }
}
