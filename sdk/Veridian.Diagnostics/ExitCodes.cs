namespace Veridian.Diagnostics;

/// <summary>The process exit codes of every Veridian command (docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad input from the user: arguments, files, projects.</summary>
    public const int UserError = 1;

    /// <summary>A host component (clang, lld, QEMU, …) is missing; the message says how to install it.</summary>
    public const int HostMissing = 2;

    /// <summary>A bug in the SDK (EX_SOFTWARE).</summary>
    public const int Internal = 70;
}
