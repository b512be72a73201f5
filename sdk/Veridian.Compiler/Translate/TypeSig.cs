using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Veridian.Compiler.Translate;

/// <summary>Primitive kinds of the CLI type system.</summary>
public enum Prim { Void, Bool, Char, I1, U1, I2, U2, I4, U4, I8, U8, R4, R8, I, U }

/// <summary>
/// A fully instantiated type (generic parameters substituted while decoding: monomorphisation).
/// <see cref="Key"/> is its canonical spelling, used for equality and for symbol names.
/// </summary>
public abstract record TypeSig
{
    public abstract string Key { get; }
    public sealed override string ToString() => Key;
}

public sealed record PrimSig(Prim Kind) : TypeSig
{
    public override string Key => Kind.ToString().ToLowerInvariant();
}

public sealed record PointerSig(TypeSig Element) : TypeSig
{
    public override string Key => Element.Key + "*";
}

public sealed record ByRefSig(TypeSig Element) : TypeSig
{
    public override string Key => Element.Key + "&";
}

public sealed record FnPtrSig(MethodSignature<TypeSig> Signature) : TypeSig
{
    public override string Key => $"fnptr({Signature.Header.CallingConvention}:{Signature.ReturnType.Key}({string.Join(",", Signature.ParameterTypes.Select(p => p.Key))}))";
}

/// <summary>A type definition with its generic arguments (struct, enum, or class such as String).</summary>
public sealed record NamedSig(TypeDefinitionHandle Def, string Name, ImmutableArray<TypeSig> Args, bool IsValueType) : TypeSig
{
    public override string Key => Args.IsDefaultOrEmpty ? Name : $"{Name}<{string.Join(",", Args.Select(a => a.Key))}>";
    public bool Equals(NamedSig? other) => other is not null && other.Key == Key;
    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}

/// <summary>An unsubstituted generic parameter (only when decoding without an instantiation, to compare signatures).</summary>
public sealed record GenericParamSig(int Index, bool OfMethod) : TypeSig
{
    public override string Key => (OfMethod ? "!!" : "!") + Index;
}

/// <summary>An array type; only decoded so the translator can reject it with a diagnostic.</summary>
public sealed record ArraySig(TypeSig Element) : TypeSig
{
    public override string Key => Element.Key + "[]";
}

/// <summary>The generic instantiation a signature is decoded under; null arrays mean "leave parameters unsubstituted".</summary>
public sealed record GenericContext(ImmutableArray<TypeSig> TypeArgs, ImmutableArray<TypeSig> MethodArgs)
{
    public static readonly GenericContext Empty = new([], []);
    public static readonly GenericContext Open = new(default, default);
}
