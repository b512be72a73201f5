namespace Veridian.Build;

/// <summary>Codes VDN1100–VDN1199: projects (<c>veridian.toml</c>) and builds. Each says what the user should do.</summary>
public static class BuildCodes
{
    /// <summary>No <c>veridian.toml</c> in the given folder; pass a project or workspace folder.</summary>
    public const string NoProjectFile = "VDN1100";

    /// <summary>The TOML does not parse; fix the syntax at the position shown.</summary>
    public const string TomlSyntax = "VDN1101";

    /// <summary>An unknown key; fix the spelling (a did-you-mean is shown) or remove it.</summary>
    public const string UnknownKey = "VDN1102";

    /// <summary>A value has the wrong type; use the type docs/veridian-toml.md gives for the key.</summary>
    public const string WrongType = "VDN1103";

    /// <summary>A value is not allowed (kind, name, version, opt-level, language); use one of the listed values.</summary>
    public const string BadValue = "VDN1104";

    /// <summary>A required key is missing; add it.</summary>
    public const string MissingKey = "VDN1105";

    /// <summary>An unknown target triple; use one that <c>veridian targets list</c> shows.</summary>
    public const string UnknownTarget = "VDN1106";

    /// <summary>A source glob matches no file; fix the glob or add the file.</summary>
    public const string GlobMatchesNothing = "VDN1107";

    /// <summary>A source's language is not listed in <c>languages</c> or has no compiler; add the language or remove the file.</summary>
    public const string LanguageNotEnabled = "VDN1108";

    /// <summary>A dependency is missing, is not a static library, or forms a cycle; fix <c>[dependencies]</c>.</summary>
    public const string BadDependency = "VDN1109";

    /// <summary>The project kind is not built by <c>veridian build</c> (package); use <c>veridian pkg</c>.</summary>
    public const string KindNotBuildable = "VDN1110";

    /// <summary><c>--target</c> names a triple the project does not list, or <c>--explain</c> an unknown output.</summary>
    public const string BadSelection = "VDN1111";

    /// <summary>A compile, codegen, link or archive step failed; read the tool's errors printed above.</summary>
    public const string StepFailed = "VDN1120";

    /// <summary>The build was interrupted; run it again (nothing half-written is trusted).</summary>
    public const string Interrupted = "VDN1121";

    /// <summary>Another build of the same project is running; wait for it to finish.</summary>
    public const string ProjectBusy = "VDN1122";

    // Folders and command lines built as implicit projects (these codes date from when the runner built folders).

    /// <summary>A folder has no sources for the target.</summary>
    public const string NoSources = "VDN3106";

    /// <summary>A folder's <c>sources</c> list, or a command line, names a file that does not exist.</summary>
    public const string SourceNotFound = "VDN3107";

    /// <summary>A step of a folder's or a command line's build failed; the tool's messages follow.</summary>
    public const string BuildFailed = "VDN3108";

    /// <summary>The C library of a target could not be built into its sysroot (relibc-cs's own build failed, or its sources are not in this SDK).</summary>
    public const string SysrootBuildFailed = "VDN1130";

    /// <summary><c>veridian sysroot build</c> for a target whose C library is not relibc-cs (glibc, freestanding); pass a relibc target.</summary>
    public const string NoRelibcBackend = "VDN1131";
}
