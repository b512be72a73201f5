using System.Reflection.Metadata;
using Veridian.Triples;

namespace Veridian.Compiler.Translate;

/// <summary>How one parameter or return value crosses a call: its LLVM type, attributes, and whether it is a struct passed by address.</summary>
public sealed record AbiValue(string Type, string Attrs, bool StructByAddress, TypeSig Sig);

/// <summary>
/// Function signatures. Internal calls pass structs by address (callee-owned copies) and return them through
/// a hidden first pointer. C-ABI calls (imports, exports, unmanaged function pointers) follow each target's C
/// calling convention; small integers carry signext/zeroext as clang writes them, and on riscv64 32-bit
/// integers are sign-extended (RISC-V psABI).
/// </summary>
public static class CAbi
{
    public static AbiValue Value(ModuleTranslator mt, TypeSig t, bool cAbi)
    {
        t = mt.Model.Normalize(t);
        switch (t)
        {
            case PrimSig p:
                var type = StorageType(p.Kind);
                var ext = p.Kind switch
                {
                    Prim.Bool or Prim.U1 or Prim.Char or Prim.U2 => " zeroext",
                    Prim.I1 or Prim.I2 => " signext",
                    Prim.I4 or Prim.U4 when cAbi && mt.Target.Arch == Arch.RiscV64 => " signext",
                    _ => "",
                };
                return new AbiValue(type, ext, false, t);
            case PointerSig or ByRefSig or FnPtrSig:
                return new AbiValue("ptr", "", false, t);
            case NamedSig { IsValueType: false }:
                return new AbiValue("ptr", "", false, t);
            case NamedSig n:
                if (cAbi)
                    throw new UnsupportedException($"struct {n.Key} passed by value across the C ABI (pass a pointer; by-value structs in C signatures are not in the v1 translator)");
                return new AbiValue("ptr", "", true, t);
            default:
                throw new UnsupportedException($"type {t.Key} in a signature");
        }
    }

    public static string StorageType(Prim p) => p switch
    {
        Prim.Void => "void",
        Prim.Bool or Prim.I1 or Prim.U1 => "i8",
        Prim.Char or Prim.I2 or Prim.U2 => "i16",
        Prim.I4 or Prim.U4 => "i32",
        Prim.I8 or Prim.U8 or Prim.I or Prim.U => "i64",
        Prim.R4 => "float",
        Prim.R8 => "double",
    };

    public static bool IsVoid(TypeSig t) => t is PrimSig { Kind: Prim.Void };

    /// <summary>"rettype name(params)" for a C import declaration.</summary>
    public static string Declaration(ModuleTranslator mt, MethodSignature<TypeSig> sig, string name)
    {
        var c = CSignature.Lower(mt, sig.ReturnType, sig.ParameterTypes);
        var ps = new List<string>();
        if (c.Sret)
            ps.Add($"ptr sret([{mt.Model.LayoutOf(c.StructReturnType!).Size} x i8])");
        ps.AddRange(c.Params.SelectMany(p => p.LlvmTypes()));
        return $"{c.ReturnLlvm} {name}({string.Join(", ", ps)})";
    }

    public static string Render(AbiValue v) => v.Type + v.Attrs;

    /// <summary>A return type as LLVM wants it: attributes first (<c>zeroext i8</c>).</summary>
    public static string RenderReturn(AbiValue v) => v.Attrs.Length == 0 ? v.Type : v.Attrs.TrimStart() + " " + v.Type;
}
