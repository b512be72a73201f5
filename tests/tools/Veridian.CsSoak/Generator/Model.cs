namespace Veridian.CsSoak.Generator;

/// <summary>Knobs of the generator; <see cref="Default"/> is what the soak uses.</summary>
public sealed record GeneratorOptions
{
    public int MaxFunctions { get; init; } = 7;
    public int MaxStructs { get; init; } = 4;
    public int MaxStaticClasses { get; init; } = 2;
    public int MaxGlobals { get; init; } = 6;
    public int MaxStatements { get; init; } = 6;
    public int MaxBlockDepth { get; init; } = 3;
    public int MaxExpressionDepth { get; init; } = 4;
    public int MaxLocals { get; init; } = 6;
    /// <summary>Upper bound of a function's estimated dynamic operation count (callees included): keeps runs short.</summary>
    public int CostBudget { get; init; } = 6000;

    public static GeneratorOptions Default { get; } = new();

    /// <summary>Small programs (tests of the generator and reducer).</summary>
    public static GeneratorOptions Small { get; } = new() { MaxFunctions = 3, MaxStructs = 2, MaxStaticClasses = 1, MaxGlobals = 3, MaxStatements = 4, MaxBlockDepth = 2, MaxExpressionDepth = 3, MaxLocals = 3, CostBudget = 2000 };
}

internal enum VarKind
{
    Local, Param, RefParam, InParam, OutParam, Global, StaticField, ReadonlyStatic, LoopVar, ForeachVar, RefLocal, RefReadonlyLocal,
    Span, ReadOnlySpan, Pointer, ReadOnlyPointer, StringLit, FnPtr,
}

/// <summary>A name in scope. For spans, pointers and string literals <see cref="Type"/> is the element type.</summary>
internal sealed record Var(string Name, VarKind Kind, CsType Type, int Length = 0, FuncDef? Fn = null)
{
    public bool Indexed => Kind is VarKind.Span or VarKind.ReadOnlySpan or VarKind.Pointer or VarKind.ReadOnlyPointer or VarKind.StringLit;

    public bool Writable => Kind is VarKind.Local or VarKind.Param or VarKind.RefParam or VarKind.OutParam or VarKind.Global or VarKind.StaticField
        or VarKind.RefLocal or VarKind.Span or VarKind.Pointer;

    /// <summary>A fixed variable (ECMA-334 §23.4): <c>&amp;</c> applies without a <c>fixed</c> statement.</summary>
    public bool IsFixedVariable => Kind is VarKind.Local or VarKind.Param;

    /// <summary>A moveable variable whose address needs a <c>fixed</c> statement.</summary>
    public bool IsMoveable => Kind is VarKind.Global or VarKind.StaticField or VarKind.RefParam or VarKind.OutParam;

    /// <summary>Atomics need natural alignment: only whole variables, never fields of (possibly packed) structs.</summary>
    public bool AtomicOk => Kind is VarKind.Local or VarKind.Param or VarKind.Global or VarKind.StaticField;
}

internal enum ParamMode { Value, Ref, In, Out, Span }

internal sealed record ParamDef(string Name, CsType Type, ParamMode Mode);

internal sealed class FuncDef
{
    public required string Name { get; init; }
    public CsType? Ret { get; init; }
    public required List<ParamDef> Params { get; init; }
    public int Cost { get; set; }

    /// <summary>
    /// <c>[UnmanagedCallersOnly]</c>: a C-ABI function, called only through <c>delegate* unmanaged&lt;…&gt;</c> (C# forbids
    /// calling it directly), so structs by value cross the C calling convention of each target.
    /// </summary>
    public bool Unmanaged { get; init; }

    /// <summary>Called by name (not an <see cref="Unmanaged"/> function).</summary>
    public bool Direct => !Unmanaged;

    /// <summary>Only by-value parameters (primitives or structs) and a result: callable through <c>delegate*&lt;…&gt;</c>.</summary>
    public bool FnPtrCompatible => Ret is not null && Params.All(p => p.Mode == ParamMode.Value);

    public string FnPtrType => $"delegate*{(Unmanaged ? " unmanaged" : "")}<{string.Join(", ", Params.Select(p => p.Type.Name).Append(Ret!.Name))}>";

    /// <summary>(T, T) → T: usable with the generic <c>Apply&lt;T&gt;</c>.</summary>
    public bool IsBinaryOp(CsType t) => FnPtrCompatible && !Unmanaged && Ret == t && Params.Count == 2 && Params.All(p => p.Type == t);
}
