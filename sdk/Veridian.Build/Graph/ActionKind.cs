namespace Veridian.Build.Graph;

/// <summary>What an action does. A new language plugs in by planning actions of one of these kinds.</summary>
public enum ActionKind
{
    /// <summary>A C, C++ or assembly source → an object, through the toolchain's compile pipeline.</summary>
    Compile,

    /// <summary>LLVM IR (or a front end's IR) → an object, in-process.</summary>
    Codegen,

    /// <summary>Objects → a static library.</summary>
    Archive,

    /// <summary>Objects and libraries → an image or executable.</summary>
    Link,

    /// <summary>A file copied into the output folder.</summary>
    Copy,
}

/// <summary>Names of <see cref="ActionKind"/> as printed and in JSON.</summary>
public static class ActionKinds
{
    public static string Name(ActionKind kind) => kind switch
    {
        ActionKind.Compile => "compile",
        ActionKind.Codegen => "codegen",
        ActionKind.Archive => "archive",
        ActionKind.Link => "link",
        ActionKind.Copy => "copy",
    };
}
