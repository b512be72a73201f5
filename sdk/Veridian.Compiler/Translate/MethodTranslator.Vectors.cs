using System.Reflection.Metadata;
using Veridian.Triples;

namespace Veridian.Compiler.Translate;

/// <summary>
/// Vector128 and BitOperations (corelib/Intrinsics.cs; docs/csharp-subset.md, "Vectors and bit operations").
/// A <c>Vector128&lt;T&gt;</c> is a 16-byte struct on the IL stack like any other (the address of a private copy);
/// each operation loads it as an LLVM vector, computes, and stores the result into a fresh copy. SROA turns those
/// copies back into vector registers, so what reaches codegen is plain vector IR.
/// </summary>
public sealed partial class MethodTranslator
{
    private const string VectorOwner = "System.Runtime.Intrinsics.Vector128";
    private const string VectorType = "System.Runtime.Intrinsics.Vector128`1";
    private const string Vector256Owner = "System.Runtime.Intrinsics.Vector256";
    private const string Vector256Type = "System.Runtime.Intrinsics.Vector256`1";

    /// <summary>The LLVM vector type of <c>Vector128&lt;T&gt;</c> (or of a <paramref name="width"/>-bit vector) and its lane type; integer lanes only.</summary>
    private (string Vec, string Lane, int Lanes, bool Signed) VectorShape(TypeSig lane, int width)
    {
        var (bits, signed) = _m.Normalize(lane) switch
        {
            PrimSig { Kind: Prim.U1 } => (8, false),
            PrimSig { Kind: Prim.I1 } => (8, true),
            PrimSig { Kind: Prim.U2 or Prim.Char } => (16, false),
            PrimSig { Kind: Prim.I2 } => (16, true),
            PrimSig { Kind: Prim.U4 } => (32, false),
            PrimSig { Kind: Prim.I4 } => (32, true),
            PrimSig { Kind: Prim.U8 or Prim.U } => (64, false),
            PrimSig { Kind: Prim.I8 or Prim.I } => (64, true),
            var t => throw new UnsupportedException($"Vector{width}<{t.Key}>: only integer lanes are supported"),
        };
        int lanes = width / bits;
        return ($"<{lanes} x i{bits}>", $"i{bits}", lanes, signed);
    }

    private bool VectorUnit(int width) => _mt.Target.Arch switch
    {
        Arch.X86_64 => HasFeature(width == 128 ? "+sse2" : "+avx2"),
        Arch.AArch64 => width == 128 && HasFeature("+neon"),
        Arch.RiscV64 => width == 128 && HasFeature("+v"),
    };

    private bool HasFeature(string feature) =>
        _mt.Target.Features.Split(',', StringSplitOptions.TrimEntries).Contains(feature, StringComparer.Ordinal);

    private string VecLoad(SV v, string vec)
    {
        if (v.K != VK.Struct)
            throw new UnsupportedException("a Vector128 operand that is not a struct value");
        var r = T();
        Emit($"{r} = load {vec}, ptr {v.V}, align 8");
        return r;
    }

    private void VecPush(string value, string vec, TypeSig vectorSig)
    {
        var tmp = AllocaFor(vectorSig);
        Emit($"store {vec} {value}, ptr {tmp}, align 8");
        Push(tmp, VK.Struct, vectorSig);
    }

    /// <summary>The <c>&lt;n x i1&gt;</c> lane mask as an integer: bit i is lane i.</summary>
    private string MaskBits(string mask, int lanes)
    {
        var r = T();
        Emit($"{r} = bitcast <{lanes} x i1> {mask} to i{lanes}");
        return r;
    }

    private void VectorOp(MethodInst target, MethodSignature<TypeSig> sig, List<SV> a, string name)
    {
        int width = target.Owner.Name is Vector256Owner or Vector256Type ? 256 : 128;
        if (name == "get_IsHardwareAccelerated")
        {
            Push(VectorUnit(width) ? "1" : "0", VK.I32);
            return;
        }
        var lane = target.Owner.Name is VectorType or Vector256Type ? target.Owner.Args[0] : target.MethodArgs[0];
        var (vec, laneTy, lanes, signed) = VectorShape(lane, width);
        var result = _m.Normalize(sig.ReturnType);
        switch (name)
        {
            case "op_BitwiseAnd" or "op_BitwiseOr" or "op_ExclusiveOr":
                {
                    var op = name switch { "op_BitwiseAnd" => "and", "op_BitwiseOr" => "or", _ => "xor" };
                    var r = T();
                    Emit($"{r} = {op} {vec} {VecLoad(a[0], vec)}, {VecLoad(a[1], vec)}");
                    VecPush(r, vec, result);
                    return;
                }
            case "op_OnesComplement":
                {
                    var r = T();
                    Emit($"{r} = xor {vec} {VecLoad(a[0], vec)}, {Splat(laneTy, lanes, "-1")}");
                    VecPush(r, vec, result);
                    return;
                }
            case "Create":
                {
                    var x = Coerce(a[0], laneTy);
                    var one = T();
                    var r = T();
                    Emit($"{one} = insertelement {vec} poison, {laneTy} {x}, i64 0");
                    Emit($"{r} = shufflevector {vec} {one}, {vec} poison, <{lanes} x i32> zeroinitializer");
                    VecPush(r, vec, result);
                    return;
                }
            case "Load" or "LoadAligned":
                {
                    var r = T();
                    Emit($"{r} = load {vec}, ptr {Coerce(a[0], "ptr")}, align {(name == "Load" ? 1 : width / 8)}");
                    VecPush(r, vec, result);
                    return;
                }
            case "Store" or "StoreAligned":
                Emit($"store {vec} {VecLoad(a[0], vec)}, ptr {Coerce(a[1], "ptr")}, align {(name == "Store" ? 1 : width / 8)}");
                return;
            case "Equals":
                {
                    var m = T();
                    var r = T();
                    Emit($"{m} = icmp eq {vec} {VecLoad(a[0], vec)}, {VecLoad(a[1], vec)}");
                    Emit($"{r} = sext <{lanes} x i1> {m} to {vec}");
                    VecPush(r, vec, result);
                    return;
                }
            case "EqualsAll" or "EqualsAny":
                {
                    var m = T();
                    Emit($"{m} = icmp eq {vec} {VecLoad(a[0], vec)}, {VecLoad(a[1], vec)}");
                    var bits = MaskBits(m, lanes);
                    var c = T();
                    Emit(name == "EqualsAll" ? $"{c} = icmp eq i{lanes} {bits}, -1" : $"{c} = icmp ne i{lanes} {bits}, 0");
                    PushBool(c);
                    return;
                }
            case "Min" or "Max":
                {
                    var fn = $"llvm.{(signed ? "s" : "u")}{(name == "Min" ? "min" : "max")}.v{lanes}{laneTy}";
                    _mt.Declare($"declare {vec} @{fn}({vec}, {vec})");
                    var r = T();
                    Emit($"{r} = call {vec} @{fn}({vec} {VecLoad(a[0], vec)}, {vec} {VecLoad(a[1], vec)})");
                    VecPush(r, vec, result);
                    return;
                }
            case "ExtractMostSignificantBits":
                {
                    var m = T();
                    Emit($"{m} = icmp slt {vec} {VecLoad(a[0], vec)}, zeroinitializer");
                    var bits = MaskBits(m, lanes);
                    var r = bits;
                    if (lanes < 32)
                    {
                        r = T();
                        Emit($"{r} = zext i{lanes} {bits} to i32");
                    }
                    Push(r, VK.I32);
                    return;
                }
            default:
                throw new UnsupportedException($"intrinsic {target.Owner.Key}.{name}");
        }
    }

    private static string Splat(string lane, int lanes, string value) =>
        "<" + string.Join(", ", Enumerable.Repeat($"{lane} {value}", lanes)) + ">";

    private void BitOp(MethodSignature<TypeSig> sig, List<SV> a, string name)
    {
        var ty = _m.Normalize(sig.ParameterTypes[0]) is PrimSig { Kind: Prim.U8 or Prim.I8 } ? "i64" : "i32";
        var fn = name switch { "TrailingZeroCount" => "cttz", "LeadingZeroCount" => "ctlz", "PopCount" => "ctpop", _ => throw new UnsupportedException($"BitOperations.{name}") };
        var x = Coerce(a[0], ty);
        var r = T();
        if (fn == "ctpop")
        {
            _mt.Declare($"declare {ty} @llvm.ctpop.{ty}({ty})");
            Emit($"{r} = call {ty} @llvm.ctpop.{ty}({ty} {x})");
        }
        else
        {
            // is_zero_poison = false: a zero input gives the width, as .NET defines it.
            _mt.Declare($"declare {ty} @llvm.{fn}.{ty}({ty}, i1)");
            Emit($"{r} = call {ty} @llvm.{fn}.{ty}({ty} {x}, i1 false)");
        }
        if (ty == "i64")
        {
            var n = T();
            Emit($"{n} = trunc i64 {r} to i32");
            r = n;
        }
        Push(r, VK.I32);
    }
}
