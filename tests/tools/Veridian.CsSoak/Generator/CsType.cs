using System.Globalization;

namespace Veridian.CsSoak.Generator;

/// <summary>The primitive types the generator uses (C# keywords), plus <see cref="Struct"/> for struct types.</summary>
public enum Prim { Bool, SByte, Byte, Short, UShort, Char, Int, UInt, Long, ULong, NInt, NUInt, Float, Double, Struct }

/// <summary>A type in a generated program: a primitive, a generated struct, or <c>Box&lt;T&gt;</c> over another type.</summary>
public sealed record CsType(Prim P, StructDef? S = null, CsType? Arg = null)
{
    public static readonly CsType Bool = new(Prim.Bool);
    public static readonly CsType SByte = new(Prim.SByte);
    public static readonly CsType Byte = new(Prim.Byte);
    public static readonly CsType Short = new(Prim.Short);
    public static readonly CsType UShort = new(Prim.UShort);
    public static readonly CsType Char = new(Prim.Char);
    public static readonly CsType Int = new(Prim.Int);
    public static readonly CsType UInt = new(Prim.UInt);
    public static readonly CsType Long = new(Prim.Long);
    public static readonly CsType ULong = new(Prim.ULong);
    public static readonly CsType NInt = new(Prim.NInt);
    public static readonly CsType NUInt = new(Prim.NUInt);
    public static readonly CsType Float = new(Prim.Float);
    public static readonly CsType Double = new(Prim.Double);

    /// <summary>The type parameter <c>T</c> of <c>Box&lt;T&gt;</c> (replaced by the argument in <see cref="Fields"/>).</summary>
    public static readonly CsType TypeParam = new(Prim.Struct);

    /// <summary>Every numeric type (what arithmetic, conversions and comparisons draw from).</summary>
    public static readonly IReadOnlyList<CsType> Numeric = [SByte, Byte, Short, UShort, Char, Int, UInt, Long, ULong, NInt, NUInt, Float, Double];

    /// <summary>Types that are their own result type under C#'s binary numeric promotion (ECMA-334 §12.4.7.3).</summary>
    public static readonly IReadOnlyList<CsType> Promoted = [Int, UInt, Long, ULong, NInt, NUInt, Float, Double];

    /// <summary>Element types a C# fixed-size buffer may have (ECMA-334 §23.8.2).</summary>
    public static readonly IReadOnlyList<CsType> FixedBufferElements = [Bool, SByte, Byte, Short, UShort, Char, Int, UInt, Long, ULong, Float, Double];

    public bool IsStruct => P == Prim.Struct;
    public bool IsFloat => P is Prim.Float or Prim.Double;
    public bool IsInteger => P is Prim.SByte or Prim.Byte or Prim.Short or Prim.UShort or Prim.Char or Prim.Int or Prim.UInt or Prim.Long or Prim.ULong or Prim.NInt or Prim.NUInt;
    public bool IsNumeric => IsInteger || IsFloat;
    public bool IsSigned => P is Prim.SByte or Prim.Short or Prim.Int or Prim.Long or Prim.NInt;
    public bool IsNative => P is Prim.NInt or Prim.NUInt;

    /// <summary>Types C# promotes to int before arithmetic.</summary>
    public bool IsSmall => P is Prim.SByte or Prim.Byte or Prim.Short or Prim.UShort or Prim.Char;

    /// <summary>The type arithmetic on this type is done in (C# binary numeric promotion).</summary>
    public CsType ArithmeticType => IsSmall ? Int : this;

    public int Bits => P switch
    {
        Prim.Bool or Prim.SByte or Prim.Byte => 8,
        Prim.Short or Prim.UShort or Prim.Char => 16,
        Prim.Int or Prim.UInt or Prim.Float => 32,
        Prim.Long or Prim.ULong or Prim.NInt or Prim.NUInt or Prim.Double => 64,
        Prim.Struct => throw new InvalidOperationException("a struct has no bit width"),
    };

    /// <summary>Size in bytes of a primitive (every target is LP64, as is CoreCLR on x64).</summary>
    public int Size => Bits / 8;

    public string Name => P switch
    {
        Prim.Bool => "bool",
        Prim.SByte => "sbyte",
        Prim.Byte => "byte",
        Prim.Short => "short",
        Prim.UShort => "ushort",
        Prim.Char => "char",
        Prim.Int => "int",
        Prim.UInt => "uint",
        Prim.Long => "long",
        Prim.ULong => "ulong",
        Prim.NInt => "nint",
        Prim.NUInt => "nuint",
        Prim.Float => "float",
        Prim.Double => "double",
        Prim.Struct => S is null ? "T" : Arg is null ? S.Name : $"{S.Name}<{Arg.Name}>",
    };

    /// <summary>The fields of a struct type (a Box instance substitutes its argument).</summary>
    public IReadOnlyList<Field> Fields => S is null ? [] : Arg is null ? S.Fields : S.Fields.Select(f => f.Type == TypeParam ? f with { Type = Arg } : f).ToList();

    /// <summary>True when a value of this type contains (or is) <paramref name="t"/>, so a place of type t can be reached from it.</summary>
    public bool Reaches(CsType t) => this == t || (IsStruct && Fields.Any(f => f.FixedLength > 0 ? f.Type == t : f.Type.Reaches(t)));

    /// <summary>The smallest and largest value of an integer type.</summary>
    public (System.Numerics.BigInteger Min, System.Numerics.BigInteger Max) Range
    {
        get
        {
            if (P == Prim.Bool) return (0, 1);
            var one = System.Numerics.BigInteger.One;
            return IsSigned ? (-(one << (Bits - 1)), (one << (Bits - 1)) - 1) : (0, (one << Bits) - 1);
        }
    }

    public override string ToString() => Name;

    public bool Equals(CsType? other) => other is not null && other.Name == Name;
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    /// <summary>Spells an integer value of this type as a C# expression of exactly this type.</summary>
    public string Literal(System.Numerics.BigInteger v)
    {
        var s = v.ToString(CultureInfo.InvariantCulture);
        return P switch
        {
            Prim.Bool => v.IsZero ? "false" : "true",
            Prim.Int => v == Range.Min ? "int.MinValue" : v < 0 ? $"({s})" : s,
            Prim.UInt => s + "u",
            Prim.Long => v == Range.Min ? "long.MinValue" : v < 0 ? $"({s}L)" : s + "L",
            Prim.ULong => s + "UL",
            Prim.SByte or Prim.Byte or Prim.Short or Prim.UShort or Prim.Char => $"(({Name})({s}))",
            Prim.NInt => v == Range.Min ? "((nint)long.MinValue)" : $"((nint)({s}L))",
            Prim.NUInt => $"((nuint)({s}UL))",
            _ => throw new InvalidOperationException($"no integer literal of {Name}"),
        };
    }
}

/// <summary>A struct field; <see cref="FixedLength"/> &gt; 0 makes it a fixed-size buffer of that many elements.</summary>
public sealed record Field(string Name, CsType Type, int Offset = -1, int FixedLength = 0);

/// <summary>How a generated struct is laid out.</summary>
public enum LayoutKind { Sequential, Explicit }

/// <summary>A generated struct type (or the generic <c>Box&lt;T&gt;</c>, whose <c>V</c> field has the placeholder type).</summary>
public sealed class StructDef
{
    public required string Name { get; init; }
    public required LayoutKind Layout { get; init; }
    public int Pack { get; init; }
    public int Size { get; init; }
    public required List<Field> Fields { get; init; }
    public bool IsGeneric { get; init; }
    /// <summary>The number of leading primitive fields the constructor takes (0: no constructor).</summary>
    public int CtorArity { get; set; }
    /// <summary>Has <c>readonly long Sum()</c> and <c>void Bump(int k)</c>.</summary>
    public bool HasMethods { get; set; }
    public bool HasFixedBuffer => Fields.Any(f => f.FixedLength > 0);
}
