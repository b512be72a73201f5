using System.Reflection;
using System.Reflection.Metadata;
using Veridian.Triples;

namespace Veridian.Compiler.Translate;

/// <summary>How a struct crosses the C ABI.</summary>
public enum StructPassing
{
    /// <summary>In registers: the struct's bytes are reinterpreted as <see cref="StructLowering.Pieces"/>.</summary>
    Pieces,
    /// <summary>A pointer to a caller-made copy (AArch64 and RISC-V above 16 bytes).</summary>
    Indirect,
    /// <summary>On the stack: <c>ptr byval</c> (x86_64 MEMORY class, or out of registers).</summary>
    ByVal,
}

/// <summary>One struct's C-ABI lowering: for Pieces, each LLVM type and the byte offset it covers.</summary>
public sealed record StructLowering(StructPassing Passing, IReadOnlyList<(string Type, int Offset, int Size)> Pieces);

/// <summary>
/// Struct classification for the C calling conventions, as clang lowers them: x86_64 SysV (§3.2.3, eightbyte
/// classes INTEGER/SSE/MEMORY), AAPCS64 (HFAs up to four members, composites up to 16 bytes in registers,
/// larger ones by reference), RISC-V LP64D (the hardware floating-point calling convention's flattening
/// of one or two fields, else integer registers up to 2×XLEN, else by reference).
/// </summary>
public sealed class CStructAbi(ModuleTranslator mt)
{
    private readonly ProgramModel _m = mt.Model;
    public int IntRegs { get; set; }
    public int FpRegs { get; set; }

    /// <summary>Starts a signature: the argument registers available.</summary>
    public void Reset(bool sret)
    {
        (IntRegs, FpRegs) = mt.Target.Arch switch
        {
            Arch.X86_64 => (6, 8),
            Arch.AArch64 => (8, 8),
            Arch.RiscV64 => (8, 8),
        };
        if (sret && mt.Target.Arch != Arch.AArch64)
            IntRegs--; // x86_64 and RISC-V pass the return address in the first integer register (AArch64 uses x8)
    }

    /// <summary>Accounts for a scalar argument.</summary>
    public void Scalar(bool isFloat)
    {
        if (isFloat && FpRegs > 0) FpRegs--;
        else if (IntRegs > 0) IntRegs--;
    }

    /// <summary>The leaf fields (offset, primitive) of a struct, nested structs and fixed buffers flattened; null for unions.</summary>
    private List<(int Offset, Prim Kind)>? Leaves(NamedSig n, int baseOffset)
    {
        var td = _m.Md.GetTypeDefinition(n.Def);
        if ((td.Attributes & TypeAttributes.LayoutMask) == TypeAttributes.ExplicitLayout)
            return null;
        var layout = _m.LayoutOf(n);
        var list = new List<(int, Prim)>();
        var fields = _m.InstanceFields(n.Def).ToList();
        var ctx = new GenericContext(n.Args.IsDefault ? [] : n.Args, []);
        foreach (var f in fields)
        {
            var ft = _m.Normalize(_m.FieldType(f, ctx));
            int off = baseOffset + layout.Offsets[f];
            switch (ft)
            {
                case PrimSig p:
                    // A fixed buffer is a struct with one element field and a larger size: repeat the element.
                    int count = fields.Count == 1 && td.GetLayout().Size > ProgramModel.PrimSize(p.Kind) ? layout.Size / ProgramModel.PrimSize(p.Kind) : 1;
                    for (int i = 0; i < count; i++) list.Add((off + i * ProgramModel.PrimSize(p.Kind), p.Kind));
                    break;
                case PointerSig or FnPtrSig or ByRefSig:
                    list.Add((off, Prim.U8));
                    break;
                case NamedSig inner when inner.IsValueType:
                    var sub = Leaves(inner, off);
                    if (sub is null) return null;
                    list.AddRange(sub);
                    break;
                default:
                    throw new UnsupportedException($"field of type {ft.Key} in a struct passed across the C ABI");
            }
        }
        return list;
    }

    private static bool IsFloat(Prim p) => p is Prim.R4 or Prim.R8;
    private static string FloatType(Prim p) => p == Prim.R4 ? "float" : "double";

    /// <summary>Lowers a struct parameter (<paramref name="isReturn"/> false) or return value.</summary>
    public StructLowering Lower(NamedSig n, bool isReturn)
    {
        var layout = _m.LayoutOf(n);
        int size = layout.Size;
        var leaves = Leaves(n, 0);
        return mt.Target.Arch switch
        {
            Arch.X86_64 => X86(size, leaves, isReturn),
            Arch.AArch64 => AArch64(size, layout.Align, leaves, isReturn),
            Arch.RiscV64 => RiscV(size, layout.Align, leaves, isReturn),
        };
    }

    private StructLowering X86(int size, List<(int Offset, Prim Kind)>? leaves, bool isReturn)
    {
        if (size > 16)
            return new StructLowering(StructPassing.ByVal, []);
        int words = (size + 7) / 8;
        var pieces = new List<(string, int, int)>();
        int ints = 0, sses = 0;
        for (int w = 0; w < words; w++)
        {
            int lo = w * 8, hi = Math.Min(size, lo + 8);
            // A union (leaves == null) is classified conservatively as INTEGER unless... keep INTEGER.
            var inWord = leaves?.Where(l => l.Offset >= lo && l.Offset < hi).ToList();
            bool sse = inWord is { Count: > 0 } && inWord.All(l => IsFloat(l.Kind));
            if (sse)
            {
                sses++;
                var type = inWord!.Count == 1 ? FloatType(inWord[0].Kind) : inWord.All(l => l.Kind == Prim.R4) ? "<2 x float>" : "double";
                pieces.Add((type, lo, hi - lo));
            }
            else
            {
                ints++;
                pieces.Add(($"i{(hi - lo) * 8}", lo, hi - lo));
            }
        }
        if (!isReturn)
        {
            if (ints > IntRegs || sses > FpRegs)
                return new StructLowering(StructPassing.ByVal, []);
            IntRegs -= ints;
            FpRegs -= sses;
        }
        return new StructLowering(StructPassing.Pieces, pieces);
    }

    private StructLowering AArch64(int size, int align, List<(int Offset, Prim Kind)>? leaves, bool isReturn)
    {
        if (leaves is { Count: >= 1 and <= 4 } && leaves.All(l => IsFloat(l.Kind)) && leaves.All(l => l.Kind == leaves[0].Kind))
        {
            var ft = FloatType(leaves[0].Kind);
            int es = leaves[0].Kind == Prim.R4 ? 4 : 8;
            // An HFA: each member in its own FP/SIMD register ([N x float] keeps them consecutive).
            return new StructLowering(StructPassing.Pieces, [($"[{leaves.Count} x {ft}]", 0, leaves.Count * es)]);
        }
        if (size > 16)
            return new StructLowering(isReturn ? StructPassing.ByVal : StructPassing.Indirect, []);
        if (align == 16)
            return new StructLowering(StructPassing.Pieces, [("i128", 0, 16)]);
        return new StructLowering(StructPassing.Pieces, [size <= 8 ? ("i64", 0, 8) : ("[2 x i64]", 0, 16)]);
    }

    private StructLowering RiscV(int size, int align, List<(int Offset, Prim Kind)>? leaves, bool isReturn)
    {
        int fprs = isReturn ? 2 : FpRegs, gprs = isReturn ? 2 : IntRegs;
        if (size <= 16 && leaves is { Count: 1 or 2 } && leaves.Any(l => IsFloat(l.Kind)))
        {
            int needF = leaves.Count(l => IsFloat(l.Kind)), needI = leaves.Count - needF;
            bool intsFit = leaves.All(l => IsFloat(l.Kind) || ProgramModel.PrimSize(l.Kind) <= 8);
            if (intsFit && needF <= fprs && needI <= gprs)
            {
                if (!isReturn) { FpRegs -= needF; IntRegs -= needI; }
                return new StructLowering(StructPassing.Pieces, leaves.Select(l =>
                    (IsFloat(l.Kind) ? FloatType(l.Kind) : $"i{ProgramModel.PrimSize(l.Kind) * 8}", l.Offset, ProgramModel.PrimSize(l.Kind))).ToList());
            }
        }
        if (size > 16)
        {
            if (!isReturn && IntRegs > 0) IntRegs--;
            return new StructLowering(isReturn ? StructPassing.ByVal : StructPassing.Indirect, []);
        }
        int words = (size + 7) / 8;
        if (!isReturn) IntRegs = Math.Max(0, IntRegs - words);
        if (align == 16)
            return new StructLowering(StructPassing.Pieces, [("i128", 0, 16)]);
        return new StructLowering(StructPassing.Pieces, [words == 1 ? ("i64", 0, 8) : ("[2 x i64]", 0, 16)]);
    }
}
