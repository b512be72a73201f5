using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Install;

public sealed partial class Installer
{
    /// <summary>Runs a plan; returns the number of steps. Rolls back on any failure before the commit.</summary>
    private int Execute(Plan plan)
    {
        var dbBytes = plan.NewDatabase.Encode();
        var journal = new Journal(1, Sha256Hash.HexOf(dbBytes), plan.Ops);
        var step = 0;
        void Step(string description)
        {
            step++;
            _options.Seam?.BeforeStep(step, description);
        }
        var journalWritten = false;
        var committed = false;
        var verified = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            Step("write the journal");
            AtomicFile.Write(Sysroot.Full(Sysroot.JournalFile), journal.Encode(), Durability.Flush, FileModes.Public);
            journalWritten = true;

            foreach (var op in plan.Ops.Where(o => o.Kind == JournalOpKind.Mkdir))
            {
                Step($"create directory {op.Path}");
                EnsureRealParents(op.Path, verified);
                var full = Sysroot.Full(op.Path);
                Directory.CreateDirectory(full);
                File.SetUnixFileMode(full, (UnixFileMode)0x1ED);
            }

            foreach (var group in plan.Staged.Where(s => s.Entry.Type == EntryType.File).GroupBy(s => s.Package))
            {
                var byPath = group.ToDictionary(s => s.Entry.Path, s => s.Op, StringComparer.Ordinal);
                // The payload is hashed and every file re-hashed as it is written: a package that changed
                // since it was verified fails here and the transaction rolls back.
                using var payload = PayloadReader.Open(group.Key);
                payload.ReadAll(entry =>
                {
                    if (!byPath.TryGetValue(entry.Path, out var op))
                        return null;
                    Step($"stage {entry.Path}");
                    EnsureRealParents(op.Stage!, verified);
                    return new FileStream(Sysroot.Full(op.Stage!), new FileStreamOptions
                    {
                        // No sharing flags: the lock file already excludes others, and an flock per file costs.
                        Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite, BufferSize = 1 << 16,
                        UnixCreateMode = (UnixFileMode)entry.Mode,
                    });
                }, (entry, stream) =>
                {
                    var fs = (FileStream)stream;
                    fs.Dispose();
                    File.SetUnixFileMode(fs.Name, (UnixFileMode)entry.Mode);
                });
            }
            foreach (var (_, entry, op) in plan.Staged.Where(s => s.Entry.Type == EntryType.Symlink))
            {
                Step($"stage {entry.Path}");
                EnsureRealParents(op.Stage!, verified);
                File.CreateSymbolicLink(Sysroot.Full(op.Stage!), entry.LinkTarget!);
            }

            // Staged content reaches the disk before any rename can expose it (one syncfs, not one fsync per file).
            FileSync.FlushFileSystem(Sysroot.Root);
            foreach (var op in plan.Ops.Where(o => o.Kind is JournalOpKind.Put or JournalOpKind.Delete))
            {
                EnsureRealParents(op.Path, verified);
                if (op.Backup is not null)
                {
                    Step($"move {op.Path} aside");
                    Posix.Rename(Sysroot.Full(op.Path), Sysroot.Full(op.Backup));
                }
                if (op.Kind == JournalOpKind.Put)
                {
                    Step($"put {op.Path} in place");
                    Posix.Rename(Sysroot.Full(op.Stage!), Sysroot.Full(op.Path));
                }
            }
            // The renames are durable before the database says they happened.
            FileSync.FlushFileSystem(Sysroot.Root);

            Step("commit the database");
            AtomicFile.Write(Sysroot.Full(Sysroot.DatabaseFile), dbBytes, Durability.Flush, FileModes.Public);
            committed = true;

            foreach (var op in plan.Ops.Where(o => o.Backup is not null))
            {
                Step($"delete the old {op.Path}");
                DeleteNode(op.Backup!);
            }
            foreach (var op in plan.Ops.Where(o => o.Kind == JournalOpKind.Rmdir))
            {
                Step($"remove directory {op.Path}");
                RemoveDirIfEmpty(op.Path);
            }
            Step("delete the journal");
            DeleteJournal();
            return step;
        }
        catch (SimulatedCrashException)
        {
            // As if the process died here: nothing is cleaned up; the next run recovers from the journal.
            throw;
        }
        catch (Exception e)
        {
            if (committed)
            {
                RollForward(journal);
                DeleteJournal();
                return step;
            }
            if (journalWritten)
            {
                RollBack(journal);
                DeleteJournal();
            }
            if (e is DiagnosticException)
                throw;
            throw DiagnosticException.Error(PkgCodes.TransactionFailed, $"the transaction failed and was rolled back: {e.Message}",
                hint: "the sysroot is as it was before; fix the cause (disk space, permissions) and retry");
        }
    }

    /// <summary>Called with the lock held: cleans temporary files and finishes or undoes a journalled transaction.</summary>
    private Diagnostic? RecoverLocked()
    {
        var stateDir = Sysroot.Full(Sysroot.StateDir);
        foreach (var temp in Directory.GetFiles(stateDir, AtomicFile.TempPrefix + "*"))
            File.Delete(temp);
        var journalPath = Sysroot.Full(Sysroot.JournalFile);
        if (!File.Exists(journalPath))
            return null;
        var journal = Journal.Decode(File.ReadAllBytes(journalPath), journalPath);
        var committed = Sha256Hash.HexOfFile(Sysroot.Full(Sysroot.DatabaseFile)) == journal.NewDatabaseSha256;
        if (committed)
            RollForward(journal);
        else
            RollBack(journal);
        DeleteJournal();
        return new Diagnostic(PkgCodes.Recovered, Severity.Note,
            committed ? "an interrupted transaction had committed; its clean-up was finished" : "an interrupted transaction was rolled back; the sysroot is as it was before it");
    }

    /// <summary>Undoes every operation, newest first; each undo is idempotent, so a crash during recovery is recovered again.</summary>
    private void RollBack(Journal journal)
    {
        foreach (var op in journal.Ops.Reverse())
        {
            switch (op.Kind)
            {
                case JournalOpKind.Put:
                    DeleteNode(op.Stage!);
                    if (op.Backup is null)
                        DeleteNode(op.Path);
                    else if (Posix.Lstat(Sysroot.Full(op.Backup)).Kind != NodeKind.None)
                        Posix.Rename(Sysroot.Full(op.Backup), Sysroot.Full(op.Path));
                    break;
                case JournalOpKind.Delete:
                    if (Posix.Lstat(Sysroot.Full(op.Backup!)).Kind != NodeKind.None)
                        Posix.Rename(Sysroot.Full(op.Backup!), Sysroot.Full(op.Path));
                    break;
                case JournalOpKind.Mkdir:
                    RemoveDirIfEmpty(op.Path);
                    break;
                case JournalOpKind.Rmdir:
                    break;
            }
        }
        FsyncParents(journal);
    }

    /// <summary>Completes a committed transaction: deletes backups and emptied directories.</summary>
    private void RollForward(Journal journal)
    {
        foreach (var op in journal.Ops)
        {
            switch (op.Kind)
            {
                case JournalOpKind.Put:
                    DeleteNode(op.Stage!);
                    if (op.Backup is not null)
                        DeleteNode(op.Backup);
                    break;
                case JournalOpKind.Delete:
                    DeleteNode(op.Backup!);
                    break;
                case JournalOpKind.Mkdir:
                    break;
                case JournalOpKind.Rmdir:
                    RemoveDirIfEmpty(op.Path);
                    break;
            }
        }
        FsyncParents(journal);
    }

    private void FsyncParents(Journal journal)
    {
        foreach (var dir in journal.Ops.Select(o => Path.GetDirectoryName(Sysroot.Full(o.Path))!).Distinct().Order(StringComparer.Ordinal))
        {
            if (Directory.Exists(dir))
                FileSync.Flush(dir);
        }
    }

    private void DeleteJournal()
    {
        File.Delete(Sysroot.Full(Sysroot.JournalFile));
        FileSync.Flush(Sysroot.Full(Sysroot.StateDir));
    }

    /// <summary>Deletes a file or symlink (never following it); nothing when absent.</summary>
    private void DeleteNode(string relative)
    {
        var full = Sysroot.Full(relative);
        if (Posix.Lstat(full).Kind is NodeKind.File or NodeKind.Symlink or NodeKind.Other)
            File.Delete(full);
    }

    private void RemoveDirIfEmpty(string relative)
    {
        var full = Sysroot.Full(relative);
        if (Posix.Lstat(full).Kind == NodeKind.Directory && !Directory.EnumerateFileSystemEntries(full).Any())
            Directory.Delete(full);
    }

    /// <summary>Every parent of <paramref name="relative"/> must be a real directory, never a symlink (checked once per transaction).</summary>
    private void EnsureRealParents(string relative, HashSet<string> verified)
    {
        var parts = relative.Split('/');
        var prefix = "";
        for (var i = 0; i < parts.Length - 1; i++)
        {
            prefix = i == 0 ? parts[0] : prefix + "/" + parts[i];
            if (verified.Contains(prefix))
                continue;
            var kind = Posix.Lstat(Sysroot.Full(prefix)).Kind;
            if (kind != NodeKind.Directory)
                throw DiagnosticException.Error(PkgCodes.SymlinkInParent, $"'{prefix}' in the sysroot is a {(kind == NodeKind.Symlink ? "symlink" : "non-directory")}; extraction never goes through it");
            verified.Add(prefix);
        }
    }
}
