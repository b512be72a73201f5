using System.Globalization;
using System.Reflection.Metadata;
using System.Text;
using Veridian.Triples;

namespace Veridian.Compiler.Translate;

public sealed partial class MethodTranslator
{
    /// <summary>Lowers a call to an <c>[Intrinsic]</c> core-library method (docs/csharp-subset.md, "Intrinsics").</summary>
    private void Intrinsic(MethodInst target, MethodSignature<TypeSig> sig, List<SV> a)
    {
        var owner = target.Owner.Name;
        var name = _m.Name(target.Def);
        TypeSig Arg0() => target.MethodArgs[0];
        string Size(TypeSig t) => _m.LayoutOf(t).Size.ToString(CultureInfo.InvariantCulture);
        switch (owner, name)
        {
            case ("System.Runtime.CompilerServices.Unsafe", "Add"):
                {
                    var idx = Coerce(a[1], "i64");
                    var off = T();
                    Emit($"{off} = mul i64 {idx}, {Size(Arg0())}");
                    var r = T();
                    Emit($"{r} = getelementptr inbounds i8, ptr {Addr(a[0])}, i64 {off}");
                    Push(r, VK.Ptr);
                    return;
                }
            case ("System.Runtime.CompilerServices.Unsafe", "AddByteOffset"):
                {
                    var r = T();
                    Emit($"{r} = getelementptr inbounds i8, ptr {Addr(a[0])}, i64 {Coerce(a[1], "i64")}");
                    Push(r, VK.Ptr);
                    return;
                }
            case ("System.Runtime.CompilerServices.Unsafe", "AsRef" or "As" or "AsPointer"):
                Push(Addr(a[0]), VK.Ptr);
                return;
            case ("System.Runtime.CompilerServices.Unsafe", "SizeOf"):
                Push(Size(Arg0()), VK.I32);
                return;
            case ("System.Runtime.CompilerServices.Unsafe", "NullRef"):
                Push("null", VK.Ptr);
                return;
            case ("System.Runtime.CompilerServices.Unsafe", "IsNullRef"):
                {
                    var c = T();
                    Emit($"{c} = icmp eq ptr {Addr(a[0])}, null");
                    PushBool(c);
                    return;
                }
            case ("System.Runtime.CompilerServices.Unsafe", "AreSame"):
                {
                    var c = T();
                    Emit($"{c} = icmp eq ptr {Addr(a[0])}, {Addr(a[1])}");
                    PushBool(c);
                    return;
                }
            case ("System.Runtime.CompilerServices.Unsafe", "ReadUnaligned"):
                {
                    var t = _m.Normalize(Arg0());
                    if (KindOf(t) == VK.Struct)
                    {
                        LoadTo(t, Addr(a[0]));
                        return;
                    }
                    var st = t is PrimSig p ? CAbi.StorageType(p.Kind) : "ptr";
                    var v = T();
                    Emit($"{v} = load {st}, ptr {Addr(a[0])}, align 1");
                    PushWidened(v, st, t);
                    return;
                }
            case ("System.Runtime.CompilerServices.Unsafe", "WriteUnaligned"):
                {
                    var t = _m.Normalize(Arg0());
                    if (KindOf(t) == VK.Struct)
                    {
                        StoreFrom(t, Addr(a[0]), a[1]);
                        return;
                    }
                    var st = t is PrimSig p ? CAbi.StorageType(p.Kind) : "ptr";
                    Emit($"store {st} {Coerce(a[1], st)}, ptr {Addr(a[0])}, align 1");
                    return;
                }
            case ("System.Runtime.CompilerServices.RuntimeHelpers", "CreateSpan"):
                {
                    var data = a[0].V;
                    if (!_tokenSizes.TryGetValue(data, out var bytes))
                        throw new UnsupportedException("CreateSpan without a field token");
                    var span = (NamedSig)sig.ReturnType;
                    var tmp = AllocaFor(span);
                    var count = bytes / _m.LayoutOf(Arg0()).Size;
                    var lenAddr = T();
                    Emit($"store ptr {data}, ptr {tmp}, align 8");
                    Emit($"{lenAddr} = getelementptr inbounds i8, ptr {tmp}, i64 8");
                    Emit($"store i32 {count}, ptr {lenAddr}, align 4");
                    Push(tmp, VK.Struct, span);
                    return;
                }
            case ("System.Threading.Volatile", "Read"):
                {
                    var t = _m.Normalize(sig.ReturnType);
                    var st = CAbi.StorageType(((PrimSig)t).Kind);
                    var v = T();
                    Emit($"{v} = load atomic {st}, ptr {Addr(a[0])} acquire, align {_m.LayoutOf(t).Align}");
                    PushWidened(v, st, t);
                    return;
                }
            case ("System.Threading.Volatile", "Write"):
                {
                    var t = _m.Normalize(sig.ParameterTypes[1]);
                    var st = CAbi.StorageType(((PrimSig)t).Kind);
                    Emit($"store atomic {st} {Coerce(a[1], st)}, ptr {Addr(a[0])} release, align {_m.LayoutOf(t).Align}");
                    return;
                }
            case ("System.Math", "Sqrt" or "Abs" or "Floor" or "Ceiling"):
                {
                    var fn = name switch { "Sqrt" => "sqrt", "Abs" => "fabs", "Floor" => "floor", _ => "ceil" };
                    _mt.Declare($"declare double @llvm.{fn}.f64(double)");
                    var r = T();
                    Emit($"{r} = call double @llvm.{fn}.f64(double {Coerce(a[0], "double")})");
                    Push(r, VK.F64);
                    return;
                }
            case ("System.Threading.Interlocked", _):
                InterlockedOp(name, sig, a);
                return;
            case (VectorOwner or VectorType or Vector256Owner or Vector256Type, _):
                VectorOp(target, sig, a, name);
                return;
            case ("System.Numerics.BitOperations", _):
                BitOp(sig, a, name);
                return;
            case ("Veridian.Intrinsics.Cpu", _):
                CpuOp(name, a);
                return;
            case ("Veridian.Interop.VaList", _):
                {
                    var list = T();
                    Emit($"{list} = load ptr, ptr {Addr(a[0])}, align 8");
                    var (ty, k) = name switch
                    {
                        "NextInt32" => ("i32", VK.I32),
                        "NextInt64" or "NextNInt" => ("i64", VK.I64),
                        "NextPointer" => ("ptr", VK.Ptr),
                        "NextDouble" => ("double", VK.F64),
                        _ => throw new UnsupportedException($"VaList.{name}"),
                    };
                    var v = _mt.Target.Arch switch
                    {
                        Arch.AArch64 => AArch64VaArg(list, ty),
                        Arch.X86_64 => X86VaArg(list, ty),
                        Arch.RiscV64 => VaArgInstruction(list, ty),
                    };
                    Push(v, k);
                    return;
                }
            default:
                throw new UnsupportedException($"intrinsic {owner}.{name}");
        }
    }

    private string VaArgInstruction(string list, string ty)
    {
        var v = T();
        Emit($"{v} = va_arg ptr {list}, {ty}");
        return v;
    }

    /// <summary>
    /// SysV x86_64 va_arg (§3.5.7), written out as clang does rather than the LLVM instruction (which fast-isel
    /// at -O0 mishandles): { i32 gp_offset, i32 fp_offset, ptr overflow_arg_area, ptr reg_save_area };
    /// 6 general registers of 8 bytes (offsets 0..48), then 8 vector registers of 16 bytes (48..176).
    /// </summary>
    private string X86VaArg(string list, string ty)
    {
        bool fp = ty == "double";
        int id = _tmp++;
        var offsField = T(); var offs = T(); var fits = T();
        Emit($"{offsField} = getelementptr inbounds i8, ptr {list}, i64 {(fp ? 4 : 0)}");
        Emit($"{offs} = load i32, ptr {offsField}, align 4");
        Emit($"{fits} = icmp ule i32 {offs}, {(fp ? 160 : 40)}");
        Emit($"br i1 {fits}, label %va.reg{id}, label %va.stack{id}");
        _body.Append(CultureInfo.InvariantCulture, $"va.reg{id}:\n");
        var saveField = T(); var save = T(); var off64 = T(); var regAddr = T(); var next = T();
        Emit($"{saveField} = getelementptr inbounds i8, ptr {list}, i64 16");
        Emit($"{save} = load ptr, ptr {saveField}, align 8");
        Emit($"{off64} = zext i32 {offs} to i64");
        Emit($"{regAddr} = getelementptr inbounds i8, ptr {save}, i64 {off64}");
        Emit($"{next} = add i32 {offs}, {(fp ? 16 : 8)}");
        Emit($"store i32 {next}, ptr {offsField}, align 4");
        Emit($"br label %va.end{id}");
        _body.Append(CultureInfo.InvariantCulture, $"va.stack{id}:\n");
        var areaField = T(); var stackAddr = T(); var bumped = T();
        Emit($"{areaField} = getelementptr inbounds i8, ptr {list}, i64 8");
        Emit($"{stackAddr} = load ptr, ptr {areaField}, align 8");
        Emit($"{bumped} = getelementptr inbounds i8, ptr {stackAddr}, i64 8");
        Emit($"store ptr {bumped}, ptr {areaField}, align 8");
        Emit($"br label %va.end{id}");
        _body.Append(CultureInfo.InvariantCulture, $"va.end{id}:\n");
        var addr = T(); var v = T();
        Emit($"{addr} = phi ptr [ {regAddr}, %va.reg{id} ], [ {stackAddr}, %va.stack{id} ]");
        Emit($"{v} = load {ty}, ptr {addr}, align 4");
        return v;
    }

    /// <summary>
    /// AAPCS64 va_arg (the LLVM instruction is not lowered for Linux's va_list): the list is
    /// { ptr __stack, ptr __gr_top, ptr __vr_top, i32 __gr_offs, i32 __vr_offs } (AAPCS64 §B.4);
    /// general registers take 8-byte slots, FP/SIMD registers 16-byte slots, the stack 8-byte slots.
    /// </summary>
    private string AArch64VaArg(string list, string ty)
    {
        bool fp = ty == "double";
        int id = _tmp++;
        var offsField = T(); var topField = T(); var offs = T(); var inStack = T(); var next = T(); var over = T();
        Emit($"{offsField} = getelementptr inbounds i8, ptr {list}, i64 {(fp ? 28 : 24)}");
        Emit($"{topField} = getelementptr inbounds i8, ptr {list}, i64 {(fp ? 16 : 8)}");
        Emit($"{offs} = load i32, ptr {offsField}, align 4");
        Emit($"{inStack} = icmp sge i32 {offs}, 0");
        Emit($"br i1 {inStack}, label %va.stack{id}, label %va.try{id}");
        _body.Append(CultureInfo.InvariantCulture, $"va.try{id}:\n");
        Emit($"{next} = add i32 {offs}, {(fp ? 16 : 8)}");
        Emit($"store i32 {next}, ptr {offsField}, align 4");
        Emit($"{over} = icmp sgt i32 {next}, 0");
        Emit($"br i1 {over}, label %va.stack{id}, label %va.reg{id}");
        _body.Append(CultureInfo.InvariantCulture, $"va.reg{id}:\n");
        var top = T(); var off64 = T(); var regAddr = T();
        Emit($"{top} = load ptr, ptr {topField}, align 8");
        Emit($"{off64} = sext i32 {offs} to i64");
        Emit($"{regAddr} = getelementptr inbounds i8, ptr {top}, i64 {off64}");
        Emit($"br label %va.end{id}");
        _body.Append(CultureInfo.InvariantCulture, $"va.stack{id}:\n");
        var stackAddr = T(); var bumped = T();
        Emit($"{stackAddr} = load ptr, ptr {list}, align 8");
        Emit($"{bumped} = getelementptr inbounds i8, ptr {stackAddr}, i64 8");
        Emit($"store ptr {bumped}, ptr {list}, align 8");
        Emit($"br label %va.end{id}");
        _body.Append(CultureInfo.InvariantCulture, $"va.end{id}:\n");
        var addr = T(); var v = T();
        Emit($"{addr} = phi ptr [ {regAddr}, %va.reg{id} ], [ {stackAddr}, %va.stack{id} ]");
        Emit($"{v} = load {ty}, ptr {addr}, align 4");
        return v;
    }

    private void PushWidened(string v, string st, TypeSig t)
    {
        if (st is "i8" or "i16")
        {
            var w = T();
            Emit($"{w} = {(t is PrimSig { Kind: Prim.I1 or Prim.I2 } ? "sext" : "zext")} {st} {v} to i32");
            v = w;
        }
        Push(v, KindOf(t), t);
    }

    private void InterlockedOp(string name, MethodSignature<TypeSig> sig, List<SV> a)
    {
        if (name == "MemoryBarrier")
        {
            Emit("fence seq_cst");
            return;
        }
        var t = CAbi.StorageType(((PrimSig)_m.Normalize(sig.ReturnType)).Kind);
        var k = t == "i32" ? VK.I32 : VK.I64;
        var p = Addr(a[0]);
        var r = T();
        switch (name)
        {
            case "Increment" or "Decrement":
                {
                    var old = T();
                    Emit($"{old} = atomicrmw {(name == "Increment" ? "add" : "sub")} ptr {p}, {t} 1 seq_cst");
                    Emit($"{r} = {(name == "Increment" ? "add" : "sub")} {t} {old}, 1");
                    break;
                }
            case "Add":
                {
                    var v = Coerce(a[1], t);
                    var old = T();
                    Emit($"{old} = atomicrmw add ptr {p}, {t} {v} seq_cst");
                    Emit($"{r} = add {t} {old}, {v}");
                    break;
                }
            case "Exchange" or "And" or "Or":
                Emit($"{r} = atomicrmw {(name == "Exchange" ? "xchg" : name.ToLowerInvariant())} ptr {p}, {t} {Coerce(a[1], t)} seq_cst");
                break;
            case "CompareExchange":
                {
                    var pair = T();
                    Emit($"{pair} = cmpxchg ptr {p}, {t} {Coerce(a[2], t)}, {t} {Coerce(a[1], t)} seq_cst seq_cst");
                    Emit($"{r} = extractvalue {{ {t}, i1 }} {pair}, 0");
                    break;
                }
            default:
                throw new UnsupportedException($"Interlocked.{name}");
        }
        Push(r, k);
    }

    private string Literal(SV v, string what) =>
        _stringValues.TryGetValue(v.V, out var s) ? s : throw new UnsupportedIntrinsic($"the {what} of an inline-asm intrinsic must be a string literal");

    /// <summary>
    /// The constraint string must name as many inputs as the call passes operands (and, for AsmResult, one output):
    /// LLVM would reject the module otherwise, which is the user's mistake, not a compiler bug (VDN4900).
    /// </summary>
    private static void CheckOperands(string constraints, int operands, int outputs)
    {
        var parts = constraints.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        int inputs = parts.Count(p => !p.StartsWith('=') && !p.StartsWith('~'));
        int outs = parts.Count(p => p.StartsWith('='));
        if (inputs != operands || outs != outputs)
            throw new UnsupportedIntrinsic($"the constraint string \"{constraints}\" names {inputs} input(s) and {outs} output(s), but the call passes {operands} operand(s) and {(outputs == 0 ? "Asm has no output" : "AsmResult has one output")}");
    }

    /// <summary>Escapes text for an LLVM string constant.</summary>
    private static string LlvmString(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
            sb.Append(b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\{b:X2}");
        return sb.ToString();
    }

    private void CpuOp(string name, List<SV> a)
    {
        var arch = _mt.Target.Arch;
        switch (name)
        {
            case "Asm":
                {
                    var tmpl = Literal(a[0], "template");
                    var constraints = a.Count > 1 ? Literal(a[1], "constraint string") : "~{memory}";
                    CheckOperands(constraints, Math.Max(0, a.Count - 2), outputs: 0);
                    var ops = a.Skip(2).Select(v => $"i64 {Coerce(v, "i64")}");
                    Emit($"call void asm sideeffect \"{LlvmString(tmpl)}\", \"{LlvmString(constraints)}\"({string.Join(", ", ops)})");
                    return;
                }
            case "AsmResult":
                {
                    var tmpl = Literal(a[0], "template");
                    var constraints = Literal(a[1], "constraint string");
                    CheckOperands(constraints, a.Count - 2, outputs: 1);
                    var ops = a.Skip(2).Select(v => $"i64 {Coerce(v, "i64")}");
                    var r = T();
                    Emit($"{r} = call i64 asm sideeffect \"{LlvmString(tmpl)}\", \"{LlvmString(constraints)}\"({string.Join(", ", ops)})");
                    Push(r, VK.I64);
                    return;
                }
            case "OutByte" or "OutWord" or "InByte":
                {
                    if (arch != Arch.X86_64)
                        throw new UnsupportedIntrinsic($"Cpu.{name} (port I/O) exists only on x86_64, not on {_mt.Target.Canonical}");
                    var port = Coerce(a[0], "i16");
                    if (name == "InByte")
                    {
                        var r = T();
                        Emit($"{r} = call i8 asm sideeffect \"inb %dx, %al\", \"={{al}},{{dx}},~{{memory}}\"(i16 {port})");
                        PushWidened(r, "i8", new PrimSig(Prim.U1));
                        return;
                    }
                    var (ty, reg, mnem) = name == "OutByte" ? ("i8", "al", "outb %al, %dx") : ("i16", "ax", "outw %ax, %dx");
                    Emit($"call void asm sideeffect \"{mnem}\", \"{{{reg}}},{{dx}},~{{memory}}\"({ty} {Coerce(a[1], ty)}, i16 {port})");
                    return;
                }
            case "MmioRead8" or "MmioRead32":
                {
                    var ty = name == "MmioRead8" ? "i8" : "i32";
                    var r = T();
                    Emit($"{r} = load volatile {ty}, ptr {Coerce(a[0], "ptr")}, align {(ty == "i8" ? 1 : 4)}");
                    PushWidened(r, ty, new PrimSig(ty == "i8" ? Prim.U1 : Prim.U4));
                    return;
                }
            case "MmioWrite8" or "MmioWrite32":
                {
                    var ty = name == "MmioWrite8" ? "i8" : "i32";
                    Emit($"store volatile {ty} {Coerce(a[1], ty)}, ptr {Coerce(a[0], "ptr")}, align {(ty == "i8" ? 1 : 4)}");
                    return;
                }
            case "WaitForInterrupt":
                Emit($"call void asm sideeffect \"{(arch == Arch.X86_64 ? "hlt" : "wfi")}\", \"~{{memory}}\"()");
                return;
            case "MemoryBarrier":
                Emit("fence seq_cst");
                return;
            case "CompilerBarrier":
                Emit("call void asm sideeffect \"\", \"~{memory}\"()");
                return;
            case "Architecture":
                Push(arch switch { Arch.X86_64 => "0", Arch.AArch64 => "1", Arch.RiscV64 => "2" }, VK.I32);
                return;
            default:
                throw new UnsupportedException($"Cpu.{name}");
        }
    }
}

/// <summary>An intrinsic used wrongly (VDN4102).</summary>
public sealed class UnsupportedIntrinsic(string message) : Exception(message);
