using System.Text;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Install;

/// <summary>The package-manager layout of a sysroot (docs/pkg-format.md, Sysroot and database).</summary>
public sealed class Sysroot
{
    public const string TargetFile = "etc/veridian/target";
    public const string KeysDir = "etc/veridian/keys";
    public const string StateDir = "var/lib/veridian/pkg";
    public const string DatabaseFile = StateDir + "/installed.json";
    public const string LockFile = StateDir + "/lock";
    public const string JournalFile = StateDir + "/journal";

    public Sysroot(string root)
    {
        // The sysroot itself may be reached through a symlink the user chose; everything below it is
        // checked component by component.
        Root = Path.GetFullPath(root);
        if (Posix.Lstat(Root).Kind == NodeKind.Symlink)
            Root = Path.GetFullPath(new DirectoryInfo(Root).ResolveLinkTarget(returnFinalTarget: true)!.FullName);
    }

    public string Root { get; }

    public string Full(string relative) => Path.Combine(Root, relative);

    public bool IsInitialised => File.Exists(Full(TargetFile)) && File.Exists(Full(DatabaseFile));

    /// <summary>Creates the layout for <paramref name="target"/>; idempotent for the same target.</summary>
    public static Sysroot Init(string root, string target)
    {
        if (!TargetName.IsValid(target, out var why) || target == TargetName.Any)
            throw DiagnosticException.Error(PkgCodes.BadSysroot, $"sysroot target '{target}' {(target == TargetName.Any ? "must be a concrete target" : why)}");
        Directory.CreateDirectory(root);
        var s = new Sysroot(root);
        if (File.Exists(s.Full(TargetFile)))
        {
            var existing = s.ReadTarget();
            if (existing != target)
                throw DiagnosticException.Error(PkgCodes.BadSysroot, $"'{s.Root}' is already a sysroot for {existing}");
        }
        foreach (var d in new[] { KeysDir, StateDir })
            Directory.CreateDirectory(s.Full(d));
        if (!File.Exists(s.Full(TargetFile)))
            AtomicFile.Write(s.Full(TargetFile), Encoding.ASCII.GetBytes(target + "\n"), Durability.Flush, FileModes.Public);
        if (!File.Exists(s.Full(DatabaseFile)))
            AtomicFile.Write(s.Full(DatabaseFile), InstalledDatabase.Empty.Encode(), Durability.Flush, FileModes.Public);
        if (!File.Exists(s.Full(LockFile)))
            AtomicFile.Write(s.Full(LockFile), [], Durability.Flush, FileModes.Public);
        return s;
    }

    public void RequireInitialised()
    {
        if (!IsInitialised)
            throw DiagnosticException.Error(PkgCodes.BadSysroot, $"'{Root}' is not a sysroot", hint: "create one with 'veridian pkg init --sysroot <dir> --target <triple>'");
    }

    public string ReadTarget()
    {
        var text = File.ReadAllText(Full(TargetFile), Encoding.ASCII).Trim();
        if (!TargetName.IsValid(text, out var why))
            throw DiagnosticException.Error(PkgCodes.BadSysroot, $"the sysroot's target '{text}' {why}", new SourceLocation(Full(TargetFile)));
        return text;
    }

    public InstalledDatabase ReadDatabase() => InstalledDatabase.Decode(File.ReadAllBytes(Full(DatabaseFile)), Full(DatabaseFile));

    public TrustStore ReadTrust() => TrustStore.Load(Full(KeysDir));
}
