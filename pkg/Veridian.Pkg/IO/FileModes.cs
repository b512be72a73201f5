namespace Veridian.Pkg.IO;

/// <summary>The permission bits pkg writes its own files with (exactly: the umask does not apply).</summary>
internal static class FileModes
{
    /// <summary><c>rw-r--r--</c>: a sysroot's state files, trusted keys, public keys, packages.</summary>
    public const UnixFileMode Public = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary><c>rw-------</c>: secret keys.</summary>
    public const UnixFileMode Secret = UnixFileMode.UserRead | UnixFileMode.UserWrite;
}
