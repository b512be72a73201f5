using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Pkg;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.Install;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg verify &lt;file&gt; (--sysroot D | --key k.pub…)</c>: exit 0, or 1 with the precise reason.</summary>
internal sealed class PkgVerifyCommand : Command
{
    private readonly Argument<string> _file = new("package") { Description = "The .vpkg file." };
    private readonly Option<string?> _sysroot = new("--sysroot") { Description = "Trust the keys of this sysroot (for their channels) and check its target." };
    private readonly Option<string[]> _keys = new("--key") { Description = "Trust this public key file for every channel (repeatable)." };
    private readonly Option<bool> _metadataOnly = new("--metadata-only") { Description = "Check only the metadata (head, signature, manifest, entries): the file may hold just its first bytes, before the payload is fetched." };
    private readonly Option<bool> _json = GlobalOptions.Json();

    public PkgVerifyCommand()
        : base("verify", "Verify a package completely: signature, trust and channel, manifest, entry table, paths, caps, payload and every file's hash.")
    {
        Arguments.Add(_file);
        Options.Add(_sysroot);
        Options.Add(_keys);
        Options.Add(_metadataOnly);
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var keys = new List<PublicKey>();
        Sysroot? sysroot = null;
        if (parse.GetValue(_sysroot) is { } dir)
        {
            sysroot = new Sysroot(dir);
            sysroot.RequireInitialised();
            keys.AddRange(sysroot.ReadTrust().Keys);
        }
        foreach (var k in parse.GetValue(_keys) ?? [])
            keys.Add(KeyFile.ReadPublic(k) with { Channels = Enum.GetValues<Channel>() });
        if (sysroot is null && keys.Count == 0)
            throw DiagnosticException.Error(CliCodes.BadArguments, "nothing to verify the signature against", hint: "give --sysroot <dir> (its trust store) or --key <name>.pub");
        var file = parse.GetValue(_file)!;
        var metadataOnly = parse.GetValue(_metadataOnly);
        var package = Package.Open(file, metadataOnly: metadataOnly);
        package.Verify(new TrustStore(keys));
        if (sysroot is not null && package.Manifest.Target != TargetName.Any && package.Manifest.Target != sysroot.ReadTarget())
            throw DiagnosticException.Error(PkgCodes.TargetMismatch, $"package is for {package.Manifest.Target}, but the sysroot is for {sysroot.ReadTarget()}", new SourceLocation(file));
        if (!metadataOnly)
            package.VerifyPayload();
        var m = package.Manifest;
        if (parse.GetValue(_json))
            terminal.WriteJson(new { ok = true, name = m.Name, version = m.Version, target = m.Target, channel = Manifest.ChannelText(m.Channel), signer = package.Signer!.Name, keyId = package.Signer.IdHex, entries = package.Entries.Count });
        else
            terminal.Out.WriteLine($"ok: {m.Name} {m.Version} ({m.Target}, {Manifest.ChannelText(m.Channel)}), signed by {package.Signer!.Name} ({package.Signer.IdHex[..16]}…), {package.Entries.Count} entries verified{(metadataOnly ? " (metadata only; payload not checked)" : "")}");
        return 0;
    }
}
