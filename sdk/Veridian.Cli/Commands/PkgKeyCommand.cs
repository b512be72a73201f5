using System.CommandLine;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg key new|trust</c>: signing keys and a sysroot's trust store.</summary>
internal sealed class PkgKeyCommand : Command
{
    public PkgKeyCommand()
        : base("key", "Signing keys: create a key pair, trust a public key in a sysroot for some channels.")
    {
        Subcommands.Add(new PkgKeyNewCommand());
        Subcommands.Add(new PkgKeyTrustCommand());
    }
}
