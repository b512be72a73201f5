using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Pkg;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.Install;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg key trust &lt;file.pub&gt; --sysroot D --channel C…</c>: adds a key to a sysroot's trust store.</summary>
internal sealed class PkgKeyTrustCommand : Command
{
    private readonly Argument<string> _file = new("public-key") { Description = "A public key file (<name>.pub)." };
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();
    private readonly Option<string[]> _channels = new("--channel") { Description = "A channel the key may sign for: core, devel, third-party (repeatable).", Required = true, AllowMultipleArgumentsPerToken = false };

    public PkgKeyTrustCommand()
        : base("trust", "Trust a public key in a sysroot (etc/veridian/keys/) for the given channels.")
    {
        Arguments.Add(_file);
        Options.Add(_sysroot);
        Options.Add(_channels);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var sysroot = new Sysroot(parse.GetValue(_sysroot)!);
            sysroot.RequireInitialised();
            var channels = new List<Channel>();
            foreach (var c in parse.GetValue(_channels)!)
            {
                if (!Manifest.TryParseChannel(c, out var ch))
                    throw DiagnosticException.Error(PkgCodes.BadKeyFile, $"unknown channel '{c}'", hint: "the channels are core, devel, third-party");
                channels.Add(ch);
            }
            var key = TrustStore.Trust(sysroot.Full(Sysroot.KeysDir), KeyFile.ReadPublic(parse.GetValue(_file)!), channels);
            terminal.Out.WriteLine($"trusted key {key.Name} ({key.IdHex}) for {string.Join(", ", key.Channels.Select(Manifest.ChannelText))}");
            return 0;
        });
    }
}
