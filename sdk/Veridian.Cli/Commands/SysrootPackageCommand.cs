using System.CommandLine;
using Veridian.Build.Project;
using Veridian.Build.Sysroot;
using Veridian.Cli.Console;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Host;
using Veridian.Pkg;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Triples;

namespace Veridian.Cli.Commands;

/// <summary>
/// <c>veridian sysroot package --target T --key K [-o FILE]</c>: the target's sysroot (built or brought up to date first,
/// as <c>sysroot build</c>) as the signed <c>relibc</c> package (sysroot/README.md, "The relibc package"): its
/// <c>include/</c> and <c>lib/</c> at the package root, what <c>veridian pkg install</c> puts into a sysroot of the
/// user's own. Reproducible: the same sources and key give the same bytes.
/// </summary>
internal sealed class SysrootPackageCommand : Command
{
    private readonly Option<string> _target = new("--target", "-t")
    {
        Description = "A relibc target: <arch>-veridian-user-relibc or <arch>-linux-relibc.",
        Required = true,
    };

    private readonly Option<string?> _sysroot = new("--sysroot")
    {
        Description = "The sysroot folder to build it in (default: $VERIDIAN_SYSROOT, else artifacts/sysroot of the SDK checkout).",
    };

    private readonly Option<string> _key = new("--key") { Description = "The secret key that signs the package (veridian pkg key new).", Required = true };

    private readonly Option<string?> _output = new("--output", "-o") { Description = "The package file (default relibc-<version>-<triple>.vpkg)." };

    public SysrootPackageCommand()
        : base("package", "Build a relibc target's sysroot and package it as the signed 'relibc' .vpkg that veridian pkg install puts into a sysroot.")
    {
        Options.Add(_target);
        Options.Add(_sysroot);
        Options.Add(_key);
        Options.Add(_output);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var target = TargetDatabase.Resolve(parse.GetValue(_target)!);
        SysrootBuildCommand.RequireBackend(target);
        var key = KeyFile.ReadSecret(parse.GetValue(_key)!);
        var sysroot = Path.GetFullPath(parse.GetValue(_sysroot) ?? SdkLayout.DefaultSysroot);
        SysrootBuilder.Ensure(target, sysroot);
        var installed = Path.Combine(sysroot, target.Canonical);
        var version = ((ProjectSpec)ProjectReader.Read(Path.Combine(SysrootBuilder.SourceDirectory!, "veridian.toml"))).Version;
        var output = Path.GetFullPath(parse.GetValue(_output) ?? $"relibc-{version}-{target.Canonical}.vpkg");

        var staging = Directory.CreateTempSubdirectory("veridian-relibc-package-");
        try
        {
            foreach (var part in new[] { "include", "lib" })
                FileTree.Copy(Path.Combine(installed, part), Path.Combine(staging.FullName, part));
            var manifest = new Manifest
            {
                Name = "relibc",
                Version = version,
                Target = target.Canonical,
                Kind = PackageKind.Library,
                Channel = Channel.Core,
                Summary = $"relibc-cs, the C library written in C#, for {target.Canonical}: headers, crt objects, libc.a, libm.a, libpthread.a",
                License = "LicenseRef-Veridian-SDK",
                // What it was built from: the sysroot's manifest (every file's SHA-256), and the compiler that built it.
                Build = new BuildInfo(
                    "sha256:" + Sha256Hash.HexOfFile(Path.Combine(installed, SysrootBuilder.ManifestFile)),
                    new SortedDictionary<string, string>(StringComparer.Ordinal) { ["clang"] = HostProbe.ToolVersion(HostComponents.Get("clang").Path) ?? "unknown" },
                    PkgOptions.SourceDateEpoch()),
            };
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var head = PackageBuilder.Build(staging.FullName, manifest, output, key);
            terminal.Out.WriteLine($"built {output}: relibc {version} for {target.Canonical}, {head.ContentSize} bytes in {head.PayloadSize}, signed by {key.Public.Name}\nsha256 {Sha256Hash.HexOfFile(output)}");
            return ExitCodes.Ok;
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }
}
