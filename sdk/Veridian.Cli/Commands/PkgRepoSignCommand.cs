using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg repo sign DIR --role targets|root --key K.secret</c>: adds a signature to staged metadata.</summary>
internal sealed class PkgRepoSignCommand : Command
{
    private readonly Argument<string> _dir = PkgRepoCommand.Dir();
    private readonly Option<string> _role = new("--role") { Description = "targets or root (the staged metadata to sign).", Required = true };
    private readonly Option<string> _key = new("--key") { Description = "The secret key file.", Required = true };

    public PkgRepoSignCommand()
        : base("sign", "Add a signature to the staged targets or root metadata (offline keys sign here; publish signs snapshot and timestamp).")
    {
        Arguments.Add(_dir);
        Options.Add(_role);
        Options.Add(_key);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var role = ParseRole(parse.GetValue(_role)!);
            var (secret, key) = KeyFile.ReadSecret(parse.GetValue(_key)!);
            new RepoFolder(parse.GetValue(_dir)!).Sign(role, secret, key);
            Array.Clear(secret);
            terminal.Out.WriteLine($"signed the staged {Roles.Name(role)} metadata with {key.Name} ({key.IdHex[..16]}…)");
            return 0;
        });
    }

    public static Role ParseRole(string text) => Roles.TryParse(text, out var role) ? role
        : throw DiagnosticException.Error(CliCodes.BadArguments, $"unknown role '{text}'", hint: "the roles are root, targets, snapshot, timestamp");
}
