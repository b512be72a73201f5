using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg info &lt;file&gt; [--json]</c>: head, manifest and entries (the signature is not checked; use verify).</summary>
internal sealed class PkgInfoCommand : Command
{
    private readonly Argument<string> _file = new("package") { Description = "The .vpkg file." };
    private readonly Option<bool> _json = GlobalOptions.Json();

    public PkgInfoCommand()
        : base("info", "Show a package's head, manifest and entries (reads only the metadata; does not check the signature — use 'pkg verify').")
    {
        Arguments.Add(_file);
        Options.Add(_json);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var package = Package.Open(parse.GetValue(_file)!);
            package.ReadUnverified();
            var m = package.Manifest;
            var h = package.Head;
            var entries = package.Entries.Select(e => new EntryInfo(e.Path, e.Type.ToString().ToLowerInvariant(), e.ModeText, e.Size,
                e.Type == EntryType.File ? Hex.Of(e.Sha256) : null, e.LinkTarget)).ToList();
            if (parse.GetValue(_json))
            {
                terminal.WriteJson(new
                {
                    format = PackageHead.Version, keyId = h.IsSigned ? Hex.Of(h.KeyId) : null, contentSize = h.ContentSize, payloadSize = h.PayloadSize,
                    metadataSize = h.PayloadStart, payloadSha256 = Hex.Of(h.PayloadSha256),
                    manifest = new
                    {
                        m.Name, m.Version, m.Target, kind = Manifest.KindText(m.Kind), channel = Manifest.ChannelText(m.Channel), m.Summary, m.License,
                        m.Depends, m.Provides, m.Conflicts, build = new { m.Build.SourceHash, toolchain = m.Build.Toolchain, m.Build.SourceDateEpoch },
                    },
                    entries,
                });
                return 0;
            }
            var o = terminal.Out;
            o.WriteLine($"{m.Name} {m.Version} — {m.Summary}");
            o.WriteLine($"  target    {m.Target}");
            o.WriteLine($"  kind      {Manifest.KindText(m.Kind)}");
            o.WriteLine($"  channel   {Manifest.ChannelText(m.Channel)}");
            o.WriteLine($"  license   {m.License}");
            o.WriteLine($"  signed    {(h.IsSigned ? "key " + Hex.Of(h.KeyId) : "no")}");
            o.WriteLine($"  size      {h.ContentSize} bytes in {package.Entries.Count} entries, payload {h.PayloadSize} bytes, metadata {h.PayloadStart} bytes");
            if (m.Depends.Count > 0)
                o.WriteLine($"  depends   {string.Join(", ", m.Depends.Select(d => $"{d.Name} {d.Range}"))}");
            if (m.Provides.Count > 0)
                o.WriteLine($"  provides  {string.Join(", ", m.Provides)}");
            if (m.Conflicts.Count > 0)
                o.WriteLine($"  conflicts {string.Join(", ", m.Conflicts)}");
            if (m.Build.SourceDateEpoch is { } epoch)
                o.WriteLine($"  built at  SOURCE_DATE_EPOCH={epoch}");
            terminal.WriteTable(["type", "mode", "size", "path"], entries.Select(e => (IReadOnlyList<string>)
                [e.Type, e.Mode, e.Type == "file" ? e.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-", e.Link is null ? e.Path : $"{e.Path} -> {e.Link}"]));
            return 0;
        });
    }

    private sealed record EntryInfo(string Path, string Type, string Mode, long Size, string? Sha256, string? Link);
}
