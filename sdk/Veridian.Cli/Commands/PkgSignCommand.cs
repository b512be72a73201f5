using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg;
using Veridian.Pkg.Crypto;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg sign &lt;file.vpkg&gt; --key k.secret</c>: signs (or re-signs) a package in place.</summary>
internal sealed class PkgSignCommand : Command
{
    private readonly Argument<string> _file = new("package") { Description = "The .vpkg file." };
    private readonly Option<string> _key = new("--key") { Description = "The secret key file.", Required = true };

    public PkgSignCommand()
        : base("sign", "Sign a package with a secret key (in place, atomically; only the head's key id and the signature change).")
    {
        Arguments.Add(_file);
        Options.Add(_key);
        SetAction(parse =>
        {
            var key = KeyFile.ReadSecret(parse.GetValue(_key)!);
            PackageBuilder.Sign(parse.GetValue(_file)!, key);
            Terminal.From(parse).Out.WriteLine($"signed {parse.GetValue(_file)} with {key.Public.Name} ({key.Public.IdHex})");
            return 0;
        });
    }
}
