namespace Veridian.Build.Project;

/// <summary>What a project produces.</summary>
public enum ProjectKind
{
    /// <summary>A linked program for the target (user or Linux triples).</summary>
    Executable,

    /// <summary><c>lib&lt;name&gt;.a</c>, linked into projects that depend on it.</summary>
    StaticLibrary,

    /// <summary>A kernel image linked with the target's kernel linker script.</summary>
    Kernel,

    /// <summary>Reserved for <c>veridian pkg</c>; <c>veridian build</c> rejects it.</summary>
    Package,
}
