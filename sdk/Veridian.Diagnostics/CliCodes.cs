namespace Veridian.Diagnostics;

/// <summary>Codes VDN1xxx: the command line and the host environment. Each says what the user should do.</summary>
public static class CliCodes
{
    /// <summary>An unknown command; check the spelling or run <c>veridian --help</c>.</summary>
    public const string UnknownCommand = "VDN1001";

    /// <summary>A host component is missing; run <c>scripts/bootstrap-host</c> or install the named package.</summary>
    public const string HostComponentMissing = "VDN1002";

    /// <summary>Bad command-line arguments (unknown option, missing value); see the command's <c>--help</c>.</summary>
    public const string BadArguments = "VDN1003";

    /// <summary>An input file does not exist or cannot be read; check the path.</summary>
    public const string FileNotFound = "VDN1004";

    /// <summary>An internal error (a bug in the SDK); rerun with <c>--verbose</c> and report the stack trace.</summary>
    public const string InternalError = "VDN1999";
}
