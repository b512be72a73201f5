using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg build &lt;staging-dir&gt; --manifest m.json -o out.vpkg [--key k.secret]</c>: a reproducible package.</summary>
internal sealed class PkgBuildCommand : Command
{
    private readonly Argument<string> _dir = new("staging-dir") { Description = "The directory whose tree becomes the package (paths relative to the sysroot root)." };
    private readonly Option<string> _manifest = new("--manifest", "-m") { Description = "The manifest (JSON: name, version, target, kind, channel, …; see docs/pkg-format.md).", Required = true };
    private readonly Option<string> _output = new("--output", "-o") { Description = "The package file to write.", Required = true };
    private readonly Option<string?> _key = new("--key") { Description = "Sign with this secret key file (else sign later with 'veridian pkg sign')." };
    private readonly Option<long?> _epoch = new("--source-date-epoch") { Description = "Record this build time (default: $SOURCE_DATE_EPOCH if set; nothing else is ever recorded)." };
    private readonly Option<int> _level = new("--level") { Description = "zstd level 1-19 (default 9).", DefaultValueFactory = _ => PackageBuilder.DefaultLevel };
    private readonly Option<bool> _json = GlobalOptions.Json();

    public PkgBuildCommand()
        : base("build", "Build a .vpkg from a staging directory, bit-for-bit reproducibly (sorted entries, normalised modes, no times or owners).")
    {
        Arguments.Add(_dir);
        Options.Add(_manifest);
        Options.Add(_output);
        Options.Add(_key);
        Options.Add(_epoch);
        Options.Add(_level);
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var manifestPath = parse.GetValue(_manifest)!;
        if (!File.Exists(manifestPath))
            throw DiagnosticException.Error(CliCodes.FileNotFound, $"manifest '{manifestPath}' does not exist");
        var manifest = Manifest.ParseInput(File.ReadAllBytes(manifestPath), manifestPath);
        var epoch = parse.GetValue(_epoch);
        epoch ??= PkgOptions.SourceDateEpoch();
        if (epoch is not null)
            manifest = manifest with { Build = manifest.Build with { SourceDateEpoch = epoch } };
        var level = parse.GetValue(_level);
        if (level is < 1 or > 19)
            throw DiagnosticException.Error(CliCodes.BadArguments, $"--level {level} is outside 1-19");
        var key = parse.GetValue(_key) is { } keyPath ? KeyFile.ReadSecret(keyPath) : ((byte[], PublicKey)?)null;
        var output = parse.GetValue(_output)!;
        var head = PackageBuilder.Build(parse.GetValue(_dir)!, manifest, output, key, level);
        var sha = Sha256Hash.HexOfFile(output);
        if (parse.GetValue(_json))
            terminal.WriteJson(new { file = output, sha256 = sha, name = manifest.Name, version = manifest.Version, target = manifest.Target, contentSize = head.ContentSize, payloadSize = head.PayloadSize, signed = key is not null });
        else
            terminal.Out.WriteLine($"built {output}: {manifest.Name} {manifest.Version} for {manifest.Target}, {head.ContentSize} bytes in {head.PayloadSize}{(key is null ? ", unsigned" : $", signed by {key.Value.Item2.Name}")}\nsha256 {sha}");
        return 0;
    }
}
