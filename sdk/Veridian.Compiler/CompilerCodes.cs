namespace Veridian.Compiler;

/// <summary>Codes VDN4xxx: the C# compiler (docs/csharp-subset.md). Each says what the user should do.</summary>
public static class CompilerCodes
{
    /// <summary>The C# compiler (Roslyn) reported an error; the message carries its CS code. Often the API used does not exist in the core library.</summary>
    public const string CSharpError = "VDN4000";

    /// <summary>A class with instance members, or <c>new</c> of a class: v1 has no allocator and no GC; use a struct.</summary>
    public const string ClassInstance = "VDN4001";

    /// <summary>An array type or array creation: v1 has no heap; use <c>stackalloc</c>, <c>Span&lt;T&gt;</c>, a fixed buffer or static <c>ReadOnlySpan&lt;T&gt;</c> data.</summary>
    public const string Array = "VDN4002";

    /// <summary><c>throw</c>, <c>try</c>, <c>catch</c>, <c>finally</c>, <c>using</c> or <c>lock</c>: v1 has no exceptions; return an error code or call the panic hook.</summary>
    public const string Exceptions = "VDN4003";

    /// <summary>A lambda, anonymous method, delegate or event: use a function pointer (<c>delegate* unmanaged&lt;…&gt;</c> and <c>&amp;StaticMethod</c>).</summary>
    public const string Delegate = "VDN4004";

    /// <summary>String concatenation or interpolation (they allocate): write the parts separately.</summary>
    public const string StringBuilding = "VDN4005";

    /// <summary>Boxing a value (conversion to <c>object</c> or an interface, or calling an <c>object</c> method on a struct): not in v1.</summary>
    public const string Boxing = "VDN4006";

    /// <summary>Interfaces, virtual or abstract members: v1 has no dynamic dispatch; use generics over structs or function pointers.</summary>
    public const string VirtualDispatch = "VDN4007";

    /// <summary><c>async</c>, iterators (<c>yield</c>) or <c>dynamic</c>: not in v1.</summary>
    public const string AsyncIterator = "VDN4008";

    /// <summary><c>typeof</c>, <c>is</c>/<c>as</c> on types, or other run-time type information: v1 has none.</summary>
    public const string TypeInfo = "VDN4009";

    /// <summary>The <c>float</c>-to-<c>decimal</c> family or other types the core library lacks (reported by Roslyn as VDN4000) — reserved.</summary>
    public const string Reserved = "VDN4010";

    /// <summary>A generic method or type is instantiated with a reference type; v1 generics are monomorphised over value types only.</summary>
    public const string GenericOverClass = "VDN4011";

    /// <summary><c>[StructLayout(LayoutKind.Auto)]</c>: CoreCLR may reorder the fields; the subset lays every struct out as C does.</summary>
    public const string AutoLayout = "VDN4012";

    /// <summary>A <c>[ThreadStatic]</c> field with an initializer: it would run on one thread only, as on CoreCLR; initialize on first use.</summary>
    public const string ThreadStaticInitializer = "VDN4013";

    /// <summary>An IL construct the translator does not implement (a compiler limitation): rewrite the construct named in the message.</summary>
    public const string Unsupported = "VDN4100";

    /// <summary>An intrinsic was used wrongly: a non-literal template, or an architecture-specific intrinsic on another architecture.</summary>
    public const string IntrinsicMisuse = "VDN4102";

    /// <summary>No entry point: the program has neither a <c>static Main</c> nor an <c>[UnmanagedCallersOnly(EntryPoint=…)]</c> export.</summary>
    public const string NoEntryPoint = "VDN4103";

    /// <summary>LLVM rejected the generated IR (a compiler bug); report it with the input.</summary>
    public const string InvalidIr = "VDN4900";
}
