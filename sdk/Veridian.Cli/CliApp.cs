using System.CommandLine;
using System.CommandLine.Invocation;
using Veridian.Cli.Commands;
using Veridian.Cli.Console;
using Veridian.Diagnostics;

namespace Veridian.Cli;

/// <summary>Builds the command tree and runs it, turning every failure into a diagnostic and an exit code.</summary>
public static class CliApp
{
    /// <summary>The root command with every verb. One class per verb under Commands/.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("veridian — the cross toolchain for VeridianOS: targets, compilers, packages, QEMU.");
        root.Options.Add(GlobalOptions.Verbose);
        root.Options.Add(GlobalOptions.Color);
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
                version.Action = new VersionAction();
        }
        root.Subcommands.Add(new DoctorCommand());
        root.Subcommands.Add(new CompletionCommand());
        root.Subcommands.Add(new CsCommand());
        root.Subcommands.Add(new RunCommand());
        root.Subcommands.Add(new BootModuleCommand());
        root.Subcommands.Add(new BuildCommand());
        root.Subcommands.Add(new CacheCommand());
        root.Subcommands.Add(new SysrootCommand());
        root.Subcommands.Add(DriverCommand.Cc());
        root.Subcommands.Add(DriverCommand.Cxx());
        root.Subcommands.Add(DriverCommand.Ar());
        root.Subcommands.Add(DriverCommand.Ld());
        root.Subcommands.Add(new ToolchainCommand());
        root.Subcommands.Add(new TargetsCommand());
        root.Subcommands.Add(new InspectCommand());
        root.Subcommands.Add(new PkgCommand());
        return root;
    }

    /// <summary>Runs the CLI. <paramref name="output"/>/<paramref name="error"/> default to the console (tests pass writers).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        if (ToolchainDispatch.TryRun(args, output, error, out var driverExit))
            return driverExit;
        var root = BuildRoot();
        var config = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            Output = output ?? System.Console.Out,
            Error = error ?? System.Console.Error,
        };
        ParseResult parse = root.Parse(args);
        var terminal = new Terminal(config.Output, config.Error, parse.GetValue(GlobalOptions.Verbose), SafeColor(parse),
            output is null && !System.Console.IsOutputRedirected);
        try
        {
            if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
                throw ParseFailure(root, parse);
            return parse.Invoke(config);
        }
        catch (DiagnosticException e)
        {
            foreach (var d in e.Diagnostics)
                terminal.Report(d);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            terminal.Err.WriteLine("interrupted");
            return 130;
        }
        catch (Exception e)
        {
            terminal.Report(Diagnostic.Error(CliCodes.InternalError, $"internal error: {e.GetType().Name}: {e.Message}",
                hint: terminal.Verbose ? null : "this is a bug in the Veridian SDK; rerun with --verbose for the stack trace and report it"));
            if (terminal.Verbose)
                terminal.Err.WriteLine(e.ToString());
            return ExitCodes.Internal;
        }
    }

    private static ColorMode SafeColor(ParseResult parse)
    {
        try
        {
            return parse.GetValue(GlobalOptions.Color);
        }
        catch (InvalidOperationException)
        {
            return ColorMode.Auto;
        }
    }

    /// <summary>Maps the parser's errors to VDN1001 (unknown command) or VDN1003 (bad arguments).</summary>
    private static DiagnosticException ParseFailure(RootCommand root, ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens;
        if (command.Subcommands.Count > 0 && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
        {
            var word = unmatched[0];
            var visible = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
            var guess = Suggest.Closest(word, visible.Concat(command.Subcommands.SelectMany(c => c.Aliases)));
            var path = CommandPath(command);
            return DiagnosticException.Error(CliCodes.UnknownCommand,
                $"unknown command '{word}'" + (guess is null ? "" : $"; did you mean '{guess}'?"),
                hint: $"the commands are: {string.Join(", ", visible)}; run '{path} --help' for details");
        }
        var diagnostics = parse.Errors.Select(e => Diagnostic.Error(CliCodes.BadArguments, e.Message,
            hint: $"run '{CommandPath(command)} --help' for the options of this command")).ToArray();
        return new DiagnosticException(diagnostics);
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Add(c is RootCommand ? "veridian" : c.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
