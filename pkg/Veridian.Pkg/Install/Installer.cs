using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Install;

/// <summary>Options of <see cref="Installer"/>.</summary>
public sealed record InstallOptions
{
    public PackageLimits Limits { get; init; } = PackageLimits.Default;
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Told once when the lock is held by someone else and this operation waits.</summary>
    public Action<string>? OnWait { get; init; }

    /// <summary>The test seam; null in production.</summary>
    public IFaultSeam? Seam { get; init; }

    public IPayloadTargetCheck TargetCheck { get; init; } = ElfMachineCheck.Instance;
}

/// <summary>
/// One transaction decided from the database as it is under the lock: package files to install or upgrade, names to
/// remove, which installed names were only dependencies, and the source of each package.
/// </summary>
public sealed record ChangeSet
{
    public IReadOnlyList<string> Install { get; init; } = [];
    public IReadOnlyList<string> Remove { get; init; } = [];

    /// <summary>Names installed as dependencies only (not requested), unless the user requested them before.</summary>
    public IReadOnlySet<string> DependenciesOnly { get; init; } = new HashSet<string>();

    /// <summary>Package name → the source it comes from.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>Checked on each package once it is verified, before anything is touched (the repository's targets entry).</summary>
    public Action<Package>? Check { get; init; }
}

/// <summary>What a transaction did: packages installed or removed, warnings (kept files) and notes (recovery).</summary>
public sealed record TransactionResult(IReadOnlyList<string> Installed, IReadOnlyList<string> Removed, IReadOnlyList<Diagnostic> Messages, int Steps);

/// <summary>
/// Installs and removes packages in a sysroot as all-or-nothing transactions (docs/pkg-format.md,
/// Transactions): lock, recover, verify everything, plan, journal, stage, rename, commit the database, clean up.
/// </summary>
public sealed partial class Installer(Sysroot sysroot, InstallOptions? options = null)
{
    private readonly InstallOptions _options = options ?? new InstallOptions();

    public Sysroot Sysroot { get; } = sysroot;

    /// <summary>Installs (or upgrades to) the given package files in one transaction.</summary>
    public TransactionResult Install(IReadOnlyList<string> packageFiles)
    {
        Sysroot.RequireInitialised();
        using var _ = SysrootLock.Acquire(Sysroot, _options.LockTimeout, _options.OnWait);
        var messages = new List<Diagnostic>();
        if (RecoverLocked() is { } note)
            messages.Add(note);
        var packages = packageFiles.Select(VerifyForInstall).ToList();
        var names = packages.GroupBy(p => p.Manifest.Name).FirstOrDefault(g => g.Count() > 1);
        if (names is not null)
            throw DiagnosticException.Error(PkgCodes.PathConflict, $"package '{names.Key}' is given more than once");
        var plan = PlanInstall(packages, Sysroot.ReadDatabase());
        messages.AddRange(plan.Messages);
        var steps = Execute(plan);
        return new TransactionResult(packages.Select(p => $"{p.Manifest.Name} {p.Manifest.Version}").ToList(), [], messages, steps);
    }

    /// <summary>
    /// Takes the lock, recovers, then lets <paramref name="decide"/> choose the change from the database as it is now (so nothing
    /// can change between the decision and the transaction), and applies removals and installs as one transaction.
    /// </summary>
    public TransactionResult Change(Func<InstalledDatabase, ChangeSet> decide)
    {
        Sysroot.RequireInitialised();
        using var _ = SysrootLock.Acquire(Sysroot, _options.LockTimeout, _options.OnWait);
        var messages = new List<Diagnostic>();
        if (RecoverLocked() is { } note)
            messages.Add(note);
        var db = Sysroot.ReadDatabase();
        var change = decide(db);
        var packages = change.Install.Select(VerifyForInstall).ToList();
        foreach (var p in packages)
            change.Check?.Invoke(p);
        var twice = packages.GroupBy(p => p.Manifest.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw DiagnosticException.Error(PkgCodes.PathConflict, $"package '{twice.Key}' is given more than once");
        if (packages.Count == 0 && change.Remove.Count == 0)
            return new TransactionResult([], [], messages, 0);
        var plan = PlanChange(change.Remove, packages, db, change);
        messages.AddRange(plan.Messages);
        var steps = Execute(plan);
        return new TransactionResult(packages.Select(p => $"{p.Manifest.Name} {p.Manifest.Version}").ToList(), plan.Removed, messages, steps);
    }

    /// <summary>Removes the named packages in one transaction.</summary>
    public TransactionResult Remove(IReadOnlyList<string> names)
    {
        Sysroot.RequireInitialised();
        using var _ = SysrootLock.Acquire(Sysroot, _options.LockTimeout, _options.OnWait);
        var messages = new List<Diagnostic>();
        if (RecoverLocked() is { } note)
            messages.Add(note);
        var plan = PlanRemove(names, Sysroot.ReadDatabase());
        messages.AddRange(plan.Messages);
        var steps = Execute(plan);
        return new TransactionResult([], plan.Removed, messages, steps);
    }

    /// <summary>The installed packages (after recovering an interrupted transaction, if any).</summary>
    public (InstalledDatabase Database, Diagnostic? Recovered) List()
    {
        Sysroot.RequireInitialised();
        using var _ = SysrootLock.Acquire(Sysroot, _options.LockTimeout, _options.OnWait);
        var note = RecoverLocked();
        return (Sysroot.ReadDatabase(), note);
    }

    /// <summary>Finishes or undoes an interrupted transaction; null when there was none.</summary>
    public Diagnostic? Recover()
    {
        Sysroot.RequireInitialised();
        using var _ = SysrootLock.Acquire(Sysroot, _options.LockTimeout, _options.OnWait);
        return RecoverLocked();
    }

    /// <summary>Opens and fully verifies one package for this sysroot, payload included; touches nothing.</summary>
    private Package VerifyForInstall(string file)
    {
        var package = Package.Open(file, _options.Limits);
        package.Verify(Sysroot.ReadTrust(), _options.Limits);
        var target = Sysroot.ReadTarget();
        var where = new SourceLocation(file);
        if (package.Manifest.Target != TargetName.Any && package.Manifest.Target != target)
            throw DiagnosticException.Error(PkgCodes.TargetMismatch, $"package '{package.Manifest.Name}' is for {package.Manifest.Target}, but the sysroot is for {target}", where);
        var check = _options.TargetCheck;
        var problems = new List<string>();
        using var payload = PayloadReader.Open(package);
        payload.ReadAll(_ => new HeaderStream(check.HeaderBytes), (entry, stream) =>
        {
            var header = ((HeaderStream)stream).Header;
            // ELF files must match the package's own target, or the sysroot's when the package is "any".
            var expected = package.Manifest.Target == TargetName.Any ? target : package.Manifest.Target;
            if (check.Check(entry, header, expected) is { } why)
                problems.Add(why);
        });
        if (problems.Count > 0)
            throw DiagnosticException.Error(PkgCodes.ElfTargetMismatch, problems[0], where);
        return package;
    }
}

/// <summary>Keeps only the first <c>capacity</c> bytes written to it (for the target check's header).</summary>
internal sealed class HeaderStream(int capacity) : Stream
{
    private readonly byte[] _buffer = new byte[capacity];
    private int _count;

    public ReadOnlySpan<byte> Header => _buffer.AsSpan(0, _count);

    public override void Write(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(count, _buffer.Length - _count);
        Array.Copy(buffer, offset, _buffer, _count, n);
        _count += n;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _count;
    public override long Position { get => _count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
