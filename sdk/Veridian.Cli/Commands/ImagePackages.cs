using Veridian.Cli.Console;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.Install;
using Veridian.Triples;

namespace Veridian.Cli.Commands;

/// <summary>
/// The packages of <c>veridian run --with</c>: installed by the one package installer (verified completely, one
/// transaction) into a fresh package sysroot of the program's target, which becomes the OS image's file tree beside
/// <c>/init</c> — its <c>etc/veridian/</c> trust store and <c>var/lib/veridian/pkg/installed.json</c> database included,
/// so the image says what is installed in it (docs/run.md). Deleted when disposed.
/// </summary>
internal sealed class ImagePackages : IDisposable
{
    private ImagePackages(string root) => Root = root;

    /// <summary>The image's file tree.</summary>
    public string Root { get; }

    public static ImagePackages Install(TargetInfo target, IReadOnlyList<string> packages, IReadOnlyList<string> trustedKeys, Terminal terminal)
    {
        var root = Directory.CreateTempSubdirectory("veridian-run-image-").FullName;
        var image = new ImagePackages(root);
        try
        {
            var sysroot = Sysroot.Init(root, target.Canonical);
            foreach (var key in trustedKeys)
                TrustStore.Trust(sysroot.Full(Sysroot.KeysDir), KeyFile.ReadPublic(key), Enum.GetValues<Channel>());
            var result = new Installer(sysroot).Install(packages);
            foreach (var m in result.Messages)
                terminal.Report(m);
            terminal.Note($"image: installed {string.Join(", ", result.Installed)}");
            // The lock belongs to the host's transaction, not to the image.
            File.Delete(sysroot.Full(Sysroot.LockFile));
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}
