using System.Text.Json;
using Veridian.Diagnostics;

namespace Veridian.Pkg.Install;

/// <summary>What one journal operation does (docs/pkg-format.md, Transactions).</summary>
public enum JournalOpKind
{
    /// <summary>Create a directory (before the commit).</summary>
    Mkdir,

    /// <summary>Put a staged file or symlink in place, moving any old one to the backup name (before the commit).</summary>
    Put,

    /// <summary>Move a file or symlink to the backup name (before the commit); the backup is deleted after it.</summary>
    Delete,

    /// <summary>Remove a directory if it is empty (after the commit).</summary>
    Rmdir,
}

/// <summary>One step of a transaction; paths are relative to the sysroot.</summary>
public sealed record JournalOp(JournalOpKind Kind, string Path, string? Stage, string? Backup);

/// <summary>The transaction journal: every operation, and the SHA-256 the database has once committed.</summary>
public sealed record Journal(int Format, string NewDatabaseSha256, IReadOnlyList<JournalOp> Ops)
{
    public byte[] Encode() => JsonSerializer.SerializeToUtf8Bytes(this, InstalledDatabase.Json);

    public static Journal Decode(byte[] data, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<Journal>(data, InstalledDatabase.Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw DiagnosticException.Error(PkgCodes.BadSysroot, $"the transaction journal is damaged: {e.Message}", new SourceLocation(file),
                "the journal is written atomically, so this is outside damage; restore the sysroot from a backup");
        }
    }
}
