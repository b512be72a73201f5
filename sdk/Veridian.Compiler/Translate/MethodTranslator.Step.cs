using System.Globalization;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Veridian.Compiler.Translate;

public sealed partial class MethodTranslator
{
    private readonly Dictionary<string, string> _stringValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tokenSizes = new(StringComparer.Ordinal);

    private void Step(IlInstruction ins)
    {
        var op = ins.Op;
        bool prefix = op is ILOpCode.Volatile or ILOpCode.Unaligned or ILOpCode.Readonly or ILOpCode.Tail or ILOpCode.Constrained;
        switch (op)
        {
            case ILOpCode.Nop: break;
            case ILOpCode.Volatile: _volatilePrefix = true; break;
            case ILOpCode.Unaligned or ILOpCode.Readonly or ILOpCode.Tail: break;
            case ILOpCode.Constrained: _constrained = ResolveType((int)ins.Operand, asWritten: true); break;

            case ILOpCode.Ldarg_0: LdArg(0); break;
            case ILOpCode.Ldarg_1: LdArg(1); break;
            case ILOpCode.Ldarg_2: LdArg(2); break;
            case ILOpCode.Ldarg_3: LdArg(3); break;
            case ILOpCode.Ldarg_s or ILOpCode.Ldarg: LdArg((int)ins.Operand); break;
            case ILOpCode.Ldarga_s or ILOpCode.Ldarga: Push(_args[(int)ins.Operand].Slot, VK.Ptr); break;
            case ILOpCode.Starg_s or ILOpCode.Starg:
                {
                    var a = _args[(int)ins.Operand];
                    StoreFrom(a.Type, a.Slot, Pop());
                    break;
                }
            case ILOpCode.Ldloc_0: LoadTo(_locals[0].Type, _locals[0].Slot); break;
            case ILOpCode.Ldloc_1: LoadTo(_locals[1].Type, _locals[1].Slot); break;
            case ILOpCode.Ldloc_2: LoadTo(_locals[2].Type, _locals[2].Slot); break;
            case ILOpCode.Ldloc_3: LoadTo(_locals[3].Type, _locals[3].Slot); break;
            case ILOpCode.Ldloc_s or ILOpCode.Ldloc: LoadTo(_locals[(int)ins.Operand].Type, _locals[(int)ins.Operand].Slot); break;
            case ILOpCode.Ldloca_s or ILOpCode.Ldloca: Push(_locals[(int)ins.Operand].Slot, VK.Ptr); break;
            case ILOpCode.Stloc_0: StLoc(0); break;
            case ILOpCode.Stloc_1: StLoc(1); break;
            case ILOpCode.Stloc_2: StLoc(2); break;
            case ILOpCode.Stloc_3: StLoc(3); break;
            case ILOpCode.Stloc_s or ILOpCode.Stloc: StLoc((int)ins.Operand); break;

            case ILOpCode.Ldnull: Push("null", VK.Ptr); break;
            case ILOpCode.Ldc_i4_m1: Push("-1", VK.I32); break;
            case >= ILOpCode.Ldc_i4_0 and <= ILOpCode.Ldc_i4_8: Push(((int)op - (int)ILOpCode.Ldc_i4_0).ToString(CultureInfo.InvariantCulture), VK.I32); break;
            case ILOpCode.Ldc_i4_s or ILOpCode.Ldc_i4: Push(((int)ins.Operand).ToString(CultureInfo.InvariantCulture), VK.I32); break;
            case ILOpCode.Ldc_i8: Push(ins.Operand.ToString(CultureInfo.InvariantCulture), VK.I64); break;
            case ILOpCode.Ldc_r4: Push(FloatConst(ins.Real), VK.F32); break;
            case ILOpCode.Ldc_r8: Push(FloatConst(ins.Real), VK.F64); break;

            case ILOpCode.Dup:
                {
                    var v = Pop();
                    Push(v.V, v.K, v.T);
                    if (v.K == VK.Struct)
                    {
                        var copy = AllocaFor(v.T!);
                        Copy(copy, v.V, v.T!, false);
                        Push(copy, VK.Struct, v.T);
                    }
                    else
                    {
                        Push(v.V, v.K, v.T);
                    }
                    break;
                }
            case ILOpCode.Pop: Pop(); break;

            case ILOpCode.Ret: Ret(); break;
            case ILOpCode.Br or ILOpCode.Br_s: BranchTo(ins.Targets![0]); break;
            case ILOpCode.Leave or ILOpCode.Leave_s: Leave(ins.Offset, ins.Targets![0]); break;
            case ILOpCode.Endfinally: EndFinally(ins.Offset); break;
            case ILOpCode.Brtrue or ILOpCode.Brtrue_s or ILOpCode.Brfalse or ILOpCode.Brfalse_s:
                {
                    var v = Pop();
                    var c = T();
                    bool isTrue = op is ILOpCode.Brtrue or ILOpCode.Brtrue_s;
                    Emit(v.K switch
                    {
                        VK.Ptr => $"{c} = icmp {(isTrue ? "ne" : "eq")} ptr {v.V}, null",
                        VK.F32 or VK.F64 => $"{c} = fcmp {(isTrue ? "une" : "oeq")} {Ty.Llvm(v.K)} {v.V}, 0.0",
                        VK.Struct => throw new UnsupportedException("branch on a struct"),
                        _ => $"{c} = icmp {(isTrue ? "ne" : "eq")} {Ty.Llvm(v.K)} {v.V}, 0",
                    });
                    CondBranch(c, ins.Targets![0], ins.Next);
                    break;
                }
            case ILOpCode.Beq or ILOpCode.Beq_s: CondBranch(Compare("eq"), ins.Targets![0], ins.Next); break;
            case ILOpCode.Bne_un or ILOpCode.Bne_un_s: CondBranch(Compare("ne"), ins.Targets![0], ins.Next); break;
            case ILOpCode.Bge or ILOpCode.Bge_s: CondBranch(Compare("sge"), ins.Targets![0], ins.Next); break;
            case ILOpCode.Bgt or ILOpCode.Bgt_s: CondBranch(Compare("sgt"), ins.Targets![0], ins.Next); break;
            case ILOpCode.Ble or ILOpCode.Ble_s: CondBranch(Compare("sle"), ins.Targets![0], ins.Next); break;
            case ILOpCode.Blt or ILOpCode.Blt_s: CondBranch(Compare("slt"), ins.Targets![0], ins.Next); break;
            case ILOpCode.Bge_un or ILOpCode.Bge_un_s: CondBranch(Compare("uge"), ins.Targets![0], ins.Next); break;
            case ILOpCode.Bgt_un or ILOpCode.Bgt_un_s: CondBranch(Compare("ugt"), ins.Targets![0], ins.Next); break;
            case ILOpCode.Ble_un or ILOpCode.Ble_un_s: CondBranch(Compare("ule"), ins.Targets![0], ins.Next); break;
            case ILOpCode.Blt_un or ILOpCode.Blt_un_s: CondBranch(Compare("ult"), ins.Targets![0], ins.Next); break;
            case ILOpCode.Switch:
                {
                    var v = Coerce(Pop(), "i32");
                    foreach (var t in ins.Targets!) SpillFor(t);
                    SpillFor(ins.Next);
                    var cases = string.Join(" ", ins.Targets!.Select((t, i) => $"i32 {i}, label %L{t}"));
                    Emit($"switch i32 {v}, label %L{ins.Next} [ {cases} ]");
                    _terminated = true;
                    break;
                }

            case ILOpCode.Ceq: PushBool(Compare("eq")); break;
            case ILOpCode.Cgt: PushBool(Compare("sgt")); break;
            case ILOpCode.Cgt_un: PushBool(Compare("ugt")); break;
            case ILOpCode.Clt: PushBool(Compare("slt")); break;
            case ILOpCode.Clt_un: PushBool(Compare("ult")); break;

            case ILOpCode.Add: Arith("add"); break;
            case ILOpCode.Sub: Arith("sub"); break;
            case ILOpCode.Mul: Arith("mul"); break;
            case ILOpCode.Div: Divide("sdiv", true); break;
            case ILOpCode.Div_un: Divide("udiv", false); break;
            case ILOpCode.Rem: Divide("srem", true); break;
            case ILOpCode.Rem_un: Divide("urem", false); break;
            case ILOpCode.And: Arith("and"); break;
            case ILOpCode.Or: Arith("or"); break;
            case ILOpCode.Xor: Arith("xor"); break;
            case ILOpCode.Shl: Shift("shl"); break;
            case ILOpCode.Shr: Shift("ashr"); break;
            case ILOpCode.Shr_un: Shift("lshr"); break;
            case ILOpCode.Add_ovf: Checked("sadd"); break;
            case ILOpCode.Add_ovf_un: Checked("uadd"); break;
            case ILOpCode.Sub_ovf: Checked("ssub"); break;
            case ILOpCode.Sub_ovf_un: Checked("usub"); break;
            case ILOpCode.Mul_ovf: Checked("smul"); break;
            case ILOpCode.Mul_ovf_un: Checked("umul"); break;
            case ILOpCode.Neg:
                {
                    var v = Pop();
                    var r = T();
                    Emit(v.K is VK.F32 or VK.F64 ? $"{r} = fneg {Ty.Llvm(v.K)} {v.V}" : $"{r} = sub {Ty.Llvm(IntKind(v))} 0, {IntOf(v)}");
                    Push(r, v.K is VK.F32 or VK.F64 ? v.K : IntKind(v));
                    break;
                }
            case ILOpCode.Not:
                {
                    var v = Pop();
                    var r = T();
                    Emit($"{r} = xor {Ty.Llvm(IntKind(v))} {IntOf(v)}, -1");
                    Push(r, IntKind(v));
                    break;
                }

            case ILOpCode.Conv_i1: ConvInt(8, true, VK.I32); break;
            case ILOpCode.Conv_i2: ConvInt(16, true, VK.I32); break;
            case ILOpCode.Conv_i4: ConvInt(32, true, VK.I32); break;
            case ILOpCode.Conv_u1: ConvInt(8, false, VK.I32); break;
            case ILOpCode.Conv_u2: ConvInt(16, false, VK.I32); break;
            case ILOpCode.Conv_u4: ConvInt(32, false, VK.I32); break;
            case ILOpCode.Conv_i8 or ILOpCode.Conv_i: ConvInt(64, true, VK.I64); break;
            case ILOpCode.Conv_u8 or ILOpCode.Conv_u: ConvInt(64, false, VK.I64); break;
            case ILOpCode.Conv_r4: ConvFloat("float", false); break;
            case ILOpCode.Conv_r8: ConvFloat("double", false); break;
            case ILOpCode.Conv_r_un: ConvFloat("double", true); break;
            case ILOpCode.Conv_ovf_i1: ConvOvf(8, true, false); break;
            case ILOpCode.Conv_ovf_i2: ConvOvf(16, true, false); break;
            case ILOpCode.Conv_ovf_i4: ConvOvf(32, true, false); break;
            case ILOpCode.Conv_ovf_i8 or ILOpCode.Conv_ovf_i: ConvOvf(64, true, false); break;
            case ILOpCode.Conv_ovf_u1: ConvOvf(8, false, false); break;
            case ILOpCode.Conv_ovf_u2: ConvOvf(16, false, false); break;
            case ILOpCode.Conv_ovf_u4: ConvOvf(32, false, false); break;
            case ILOpCode.Conv_ovf_u8 or ILOpCode.Conv_ovf_u: ConvOvf(64, false, false); break;
            case ILOpCode.Conv_ovf_i1_un: ConvOvf(8, true, true); break;
            case ILOpCode.Conv_ovf_i2_un: ConvOvf(16, true, true); break;
            case ILOpCode.Conv_ovf_i4_un: ConvOvf(32, true, true); break;
            case ILOpCode.Conv_ovf_i8_un or ILOpCode.Conv_ovf_i_un: ConvOvf(64, true, true); break;
            case ILOpCode.Conv_ovf_u1_un: ConvOvf(8, false, true); break;
            case ILOpCode.Conv_ovf_u2_un: ConvOvf(16, false, true); break;
            case ILOpCode.Conv_ovf_u4_un: ConvOvf(32, false, true); break;
            case ILOpCode.Conv_ovf_u8_un or ILOpCode.Conv_ovf_u_un: ConvOvf(64, false, true); break;

            case ILOpCode.Ldind_i1: LoadTo(new PrimSig(Prim.I1), Addr(Pop())); break;
            case ILOpCode.Ldind_u1: LoadTo(new PrimSig(Prim.U1), Addr(Pop())); break;
            case ILOpCode.Ldind_i2: LoadTo(new PrimSig(Prim.I2), Addr(Pop())); break;
            case ILOpCode.Ldind_u2: LoadTo(new PrimSig(Prim.U2), Addr(Pop())); break;
            case ILOpCode.Ldind_i4: LoadTo(new PrimSig(Prim.I4), Addr(Pop())); break;
            case ILOpCode.Ldind_u4: LoadTo(new PrimSig(Prim.U4), Addr(Pop())); break;
            case ILOpCode.Ldind_i8: LoadTo(new PrimSig(Prim.I8), Addr(Pop())); break;
            case ILOpCode.Ldind_i: LoadTo(new PrimSig(Prim.I), Addr(Pop())); break;
            case ILOpCode.Ldind_r4: LoadTo(new PrimSig(Prim.R4), Addr(Pop())); break;
            case ILOpCode.Ldind_r8: LoadTo(new PrimSig(Prim.R8), Addr(Pop())); break;
            case ILOpCode.Ldind_ref: LoadTo(new PointerSig(new PrimSig(Prim.Void)), Addr(Pop())); break;
            case ILOpCode.Stind_i1: StInd(new PrimSig(Prim.I1)); break;
            case ILOpCode.Stind_i2: StInd(new PrimSig(Prim.I2)); break;
            case ILOpCode.Stind_i4: StInd(new PrimSig(Prim.I4)); break;
            case ILOpCode.Stind_i8: StInd(new PrimSig(Prim.I8)); break;
            case ILOpCode.Stind_i: StInd(new PrimSig(Prim.I)); break;
            case ILOpCode.Stind_r4: StInd(new PrimSig(Prim.R4)); break;
            case ILOpCode.Stind_r8: StInd(new PrimSig(Prim.R8)); break;
            case ILOpCode.Stind_ref: StInd(new PointerSig(new PrimSig(Prim.Void))); break;
            case ILOpCode.Ldobj: LoadTo(ResolveType((int)ins.Operand), Addr(Pop())); break;
            case ILOpCode.Stobj: StInd(ResolveType((int)ins.Operand)); break;
            case ILOpCode.Cpobj:
                {
                    var t = ResolveType((int)ins.Operand);
                    var src = Addr(Pop());
                    var dst = Addr(Pop());
                    Copy(dst, src, t, _volatilePrefix);
                    break;
                }
            case ILOpCode.Initobj:
                {
                    var t = ResolveType((int)ins.Operand);
                    var l = _m.LayoutOf(t);
                    _mt.Declare("declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)");
                    Emit($"call void @llvm.memset.p0.i64(ptr align {Math.Max(l.Align, 1)} {Addr(Pop())}, i8 0, i64 {l.Size}, i1 false)");
                    break;
                }
            case ILOpCode.Sizeof: Push(_m.LayoutOf(ResolveType((int)ins.Operand)).Size.ToString(CultureInfo.InvariantCulture), VK.I32); break;
            case ILOpCode.Localloc:
                {
                    var size = Coerce(Pop(), "i64");
                    var r = T();
                    Emit($"{r} = alloca i8, i64 {size}, align 16");
                    _mt.Declare("declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)");
                    Emit($"call void @llvm.memset.p0.i64(ptr align 16 {r}, i8 0, i64 {size}, i1 false)");
                    Push(r, VK.Ptr);
                    break;
                }
            case ILOpCode.Cpblk:
                {
                    var size = Coerce(Pop(), "i64");
                    var src = Addr(Pop());
                    var dst = Addr(Pop());
                    _mt.Declare("declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)");
                    Emit($"call void @llvm.memcpy.p0.p0.i64(ptr {dst}, ptr {src}, i64 {size}, i1 {(_volatilePrefix ? "true" : "false")})");
                    break;
                }
            case ILOpCode.Initblk:
                {
                    var size = Coerce(Pop(), "i64");
                    var val = Coerce(Pop(), "i8");
                    var dst = Addr(Pop());
                    _mt.Declare("declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)");
                    Emit($"call void @llvm.memset.p0.i64(ptr {dst}, i8 {val}, i64 {size}, i1 {(_volatilePrefix ? "true" : "false")})");
                    break;
                }

            case ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld: InstanceField(op, (int)ins.Operand); break;
            case ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld: StaticField(op, (int)ins.Operand); break;
            case ILOpCode.Ldstr:
                {
                    var s = _md.GetUserString(MetadataTokens.UserStringHandle((int)ins.Operand & 0xFFFFFF));
                    var g = _mt.StringLiteral(s);
                    _stringValues[g] = s;
                    Push(g, VK.Ptr);
                    break;
                }
            case ILOpCode.Ldtoken:
                {
                    var h = MetadataTokens.EntityHandle((int)ins.Operand);
                    if (h.Kind != HandleKind.FieldDefinition)
                        throw new UnsupportedException("ldtoken of a type or method (typeof and reflection are outside subset v1)");
                    var (g, size) = _mt.RvaData((FieldDefinitionHandle)h);
                    _tokenSizes[g] = size;
                    Push(g, VK.Ptr);
                    break;
                }
            case ILOpCode.Ldftn:
                {
                    var target = ResolveMethod((int)ins.Operand);
                    if (_m.IsIntrinsic(target.Def))
                        throw new UnsupportedException("the address of an intrinsic");
                    Push(_mt.Require(target), VK.Ptr);
                    break;
                }
            case ILOpCode.Call or ILOpCode.Callvirt: Call(ResolveMethod((int)ins.Operand), op == ILOpCode.Callvirt); break;
            case ILOpCode.Newobj: NewObj(ResolveMethod((int)ins.Operand)); break;
            case ILOpCode.Calli: CallIndirect((int)ins.Operand); break;
            case ILOpCode.Throw:
                Pop();
                Panic("unreachable switch arm or compiler-generated throw");
                _terminated = true;
                break;

            case ILOpCode.Box or ILOpCode.Unbox or ILOpCode.Unbox_any:
                throw new UnsupportedException("boxing (a value converted to object or an interface)");
            case ILOpCode.Newarr or ILOpCode.Ldlen or ILOpCode.Ldelema or ILOpCode.Ldelem or ILOpCode.Stelem or ILOpCode.Ldelem_i1
                or ILOpCode.Ldelem_u1 or ILOpCode.Ldelem_i2 or ILOpCode.Ldelem_u2 or ILOpCode.Ldelem_i4 or ILOpCode.Ldelem_u4
                or ILOpCode.Ldelem_i8 or ILOpCode.Ldelem_i or ILOpCode.Ldelem_r4 or ILOpCode.Ldelem_r8 or ILOpCode.Ldelem_ref
                or ILOpCode.Stelem_i or ILOpCode.Stelem_i1 or ILOpCode.Stelem_i2 or ILOpCode.Stelem_i4 or ILOpCode.Stelem_i8
                or ILOpCode.Stelem_r4 or ILOpCode.Stelem_r8 or ILOpCode.Stelem_ref:
                throw new UnsupportedException("arrays (they live on the heap)");
            default:
                throw new UnsupportedException($"IL instruction {op}");
        }
        if (!prefix)
        {
            _volatilePrefix = false;
            _constrained = null;
        }
    }

    private static string FloatConst(double d) => "0x" + BitConverter.DoubleToInt64Bits(d).ToString("X16", CultureInfo.InvariantCulture);

    private void LdArg(int i)
    {
        var a = _args[i];
        LoadTo(a.Type, a.Slot);
    }

    private void StLoc(int i) => StoreFrom(_locals[i].Type, _locals[i].Slot, Pop());

    private void StInd(TypeSig t)
    {
        var v = Pop();
        var addr = Addr(Pop());
        StoreFrom(t, addr, v);
    }

    /// <summary>An address operand: a pointer, or a native integer used as one.</summary>
    private string Addr(SV v) => v.K switch
    {
        VK.Ptr or VK.Struct => v.V,
        VK.I64 or VK.I32 => Coerce(v, "ptr"),
        VK.F32 or VK.F64 => throw new UnsupportedException("a floating-point value used as an address"),
    };

    private void PushBool(string i1)
    {
        var r = T();
        Emit($"{r} = zext i1 {i1} to i32");
        Push(r, VK.I32);
    }

    private static VK IntKind(SV v) => v.K == VK.I32 ? VK.I32 : VK.I64;

    private string IntOf(SV v) => v.K switch
    {
        VK.I32 or VK.I64 => v.V,
        VK.Ptr => Coerce(v, "i64"),
        VK.F32 or VK.F64 or VK.Struct => throw new UnsupportedException($"integer operation on a {v.K}"),
    };

    /// <summary>Pops two operands and compares them; integer predicates map to fcmp ordered/unordered for floats.</summary>
    private string Compare(string pred)
    {
        var b = Pop();
        var a = Pop();
        var c = T();
        if (a.K is VK.F32 or VK.F64 || b.K is VK.F32 or VK.F64)
        {
            var ft = a.K == VK.F64 || b.K == VK.F64 ? "double" : "float";
            var fp = pred switch
            {
                "eq" => "oeq", "ne" => "une", "sge" => "oge", "sgt" => "ogt", "sle" => "ole", "slt" => "olt",
                "uge" => "uge", "ugt" => "ugt", "ule" => "ule", "ult" => "ult", _ => throw new UnsupportedException(pred),
            };
            Emit($"{c} = fcmp {fp} {ft} {Coerce(a, ft)}, {Coerce(b, ft)}");
            return c;
        }
        if (a.K == VK.Ptr && b.K == VK.Ptr)
        {
            Emit($"{c} = icmp {pred} ptr {a.V}, {b.V}");
            return c;
        }
        var (x, y, t) = Unify(a, b);
        Emit($"{c} = icmp {pred} {t} {x}, {y}");
        return c;
    }

    private (string, string, string) Unify(SV a, SV b)
    {
        if (a.K == VK.I32 && b.K == VK.I32)
            return (a.V, b.V, "i32");
        return (Coerce(a, "i64"), Coerce(b, "i64"), "i64");
    }

    private void Arith(string inst)
    {
        var b = Pop();
        var a = Pop();
        if (a.K is VK.F32 or VK.F64 || b.K is VK.F32 or VK.F64)
        {
            var ft = a.K == VK.F64 || b.K == VK.F64 ? "double" : "float";
            var r = T();
            Emit($"{r} = f{inst} {ft} {Coerce(a, ft)}, {Coerce(b, ft)}");
            Push(r, ft == "double" ? VK.F64 : VK.F32);
            return;
        }
        if (inst == "add" && (a.K == VK.Ptr) != (b.K == VK.Ptr))
        {
            var (p, i) = a.K == VK.Ptr ? (a, b) : (b, a);
            var r = T();
            Emit($"{r} = getelementptr i8, ptr {p.V}, i64 {Coerce(i, "i64")}");
            Push(r, VK.Ptr);
            return;
        }
        if (inst == "sub" && a.K == VK.Ptr && b.K != VK.Ptr)
        {
            var n = T();
            Emit($"{n} = sub i64 0, {Coerce(b, "i64")}");
            var r = T();
            Emit($"{r} = getelementptr i8, ptr {a.V}, i64 {n}");
            Push(r, VK.Ptr);
            return;
        }
        var (x, y, t) = Unify(a, b);
        var res = T();
        Emit($"{res} = {inst} {t} {x}, {y}");
        Push(res, t == "i32" ? VK.I32 : VK.I64);
    }

    private void Divide(string inst, bool signed)
    {
        var b = _stack[^1];
        var a = _stack[^2];
        if (a.K is VK.F32 or VK.F64 || b.K is VK.F32 or VK.F64)
        {
            Arith(inst.EndsWith("rem", StringComparison.Ordinal) ? "rem" : "div");
            return;
        }
        Pop();
        Pop();
        var (x, y, t) = Unify(a, b);
        var z = T();
        Emit($"{z} = icmp eq {t} {y}, 0");
        PanicIf(z, "division by zero");
        if (signed)
        {
            var min = t == "i32" ? "-2147483648" : "-9223372036854775808";
            var c1 = T(); var c2 = T(); var both = T();
            Emit($"{c1} = icmp eq {t} {x}, {min}");
            Emit($"{c2} = icmp eq {t} {y}, -1");
            Emit($"{both} = and i1 {c1}, {c2}");
            PanicIf(both, "arithmetic overflow");
        }
        var r = T();
        Emit($"{r} = {inst} {t} {x}, {y}");
        Push(r, t == "i32" ? VK.I32 : VK.I64);
    }

    private void Shift(string inst)
    {
        var amount = Pop();
        var v = Pop();
        var t = Ty.Llvm(IntKind(v));
        var val = IntOf(v);
        var n = amount.K == VK.I32 && t == "i64" ? Zext(amount.V) : amount.K == VK.I64 && t == "i32" ? Coerce(amount, "i32") : amount.V;
        var r = T();
        Emit($"{r} = {inst} {t} {val}, {n}");
        Push(r, IntKind(v));
    }

    private string Zext(string v32)
    {
        var r = T();
        Emit($"{r} = zext i32 {v32} to i64");
        return r;
    }

    private void Checked(string kind)
    {
        var b = Pop();
        var a = Pop();
        var (x, y, t) = Unify(a, b);
        var pair = T();
        _mt.Declare($"declare {{ {t}, i1 }} @llvm.{kind}.with.overflow.{t}({t}, {t})");
        Emit($"{pair} = call {{ {t}, i1 }} @llvm.{kind}.with.overflow.{t}({t} {x}, {t} {y})");
        var r = T(); var o = T();
        Emit($"{r} = extractvalue {{ {t}, i1 }} {pair}, 0");
        Emit($"{o} = extractvalue {{ {t}, i1 }} {pair}, 1");
        PanicIf(o, "arithmetic overflow");
        Push(r, t == "i32" ? VK.I32 : VK.I64);
    }

    /// <summary>conv.* to an integer: truncate or extend; from floating point, saturating as .NET 9+ does.</summary>
    private void ConvInt(int bits, bool signed, VK result)
    {
        var v = Pop();
        var rt = Ty.Llvm(result);
        string narrow;
        if (v.K is VK.F32 or VK.F64 && bits < 32)
        {
            // To a small type CoreCLR saturates to int32, then truncates ((sbyte)300.0 is 44, (byte)-1.0 is 255): conv.i1/u1/i2/u2
            // is "convert to int32, then narrow" there, whatever the signedness of the small type.
            var ft = Ty.Llvm(v.K);
            var fn = $"llvm.fptosi.sat.i32.{(ft == "float" ? "f32" : "f64")}";
            _mt.Declare($"declare i32 @{fn}({ft})");
            var wide = T();
            Emit($"{wide} = call i32 @{fn}({ft} {v.V})");
            narrow = T();
            Emit($"{narrow} = trunc i32 {wide} to i{bits}");
        }
        else if (v.K is VK.F32 or VK.F64)
        {
            // .NET 9+ saturates float → int32/uint32/int64/uint64 (NaN → 0) on every architecture.
            var ft = Ty.Llvm(v.K);
            narrow = T();
            var fn = $"llvm.fpto{(signed ? "s" : "u")}i.sat.i{bits}.{(ft == "float" ? "f32" : "f64")}";
            _mt.Declare($"declare i{bits} @{fn}({ft})");
            Emit($"{narrow} = call i{bits} @{fn}({ft} {v.V})");
        }
        else
        {
            var src = IntOf(v);
            var st = Ty.Llvm(IntKind(v));
            int srcBits = st == "i32" ? 32 : 64;
            if (bits == srcBits)
                narrow = src;
            else if (bits < srcBits)
            {
                narrow = T();
                Emit($"{narrow} = trunc {st} {src} to i{bits}");
            }
            else
            {
                // Widening i32 → i64: conv.i8/conv.i sign-extend, conv.u8/conv.u zero-extend.
                narrow = T();
                Emit($"{narrow} = {(signed ? "sext" : "zext")} {st} {src} to i{bits}");
            }
        }
        int rbits = result == VK.I32 ? 32 : 64;
        if (bits < rbits)
        {
            var r = T();
            Emit($"{r} = {(signed ? "sext" : "zext")} i{bits} {narrow} to {rt}");
            Push(r, result);
        }
        else
        {
            Push(narrow, result);
        }
    }

    /// <summary>
    /// The integer operand of each <c>conv.r.un</c> result (by SSA name), so that <c>conv.r.un; conv.r4</c> — Roslyn's
    /// <c>(float)ulong</c> — rounds once, straight from the integer, as CoreCLR does: through double it would round
    /// twice ((float)0x8000008000000001UL would lose its last bit).
    /// </summary>
    private readonly Dictionary<string, (string Value, string Type)> _unsignedToFloat = new(StringComparer.Ordinal);

    private void ConvFloat(string ft, bool fromUnsigned)
    {
        var v = Pop();
        var r = T();
        if (v.K is VK.F32 or VK.F64)
        {
            if (ft == "float" && v.K == VK.F64 && _unsignedToFloat.TryGetValue(v.V, out var source))
            {
                Emit($"{r} = uitofp {source.Type} {source.Value} to float");
                Push(r, VK.F32);
                return;
            }
            Push(Coerce(v, ft), ft == "double" ? VK.F64 : VK.F32);
            return;
        }
        var st = Ty.Llvm(IntKind(v));
        var iv = IntOf(v);
        Emit($"{r} = {(fromUnsigned ? "uitofp" : "sitofp")} {st} {iv} to {ft}");
        if (fromUnsigned)
            _unsignedToFloat[r] = (iv, st);
        Push(r, ft == "double" ? VK.F64 : VK.F32);
    }

    /// <summary>conv.ovf.*: checks the value fits the target range (in i128 for integers), then converts.</summary>
    private void ConvOvf(int bits, bool signedTarget, bool unsignedSource)
    {
        var v = Pop();
        System.Numerics.BigInteger min = signedTarget ? -(System.Numerics.BigInteger.One << (bits - 1)) : 0;
        System.Numerics.BigInteger max = signedTarget ? (System.Numerics.BigInteger.One << (bits - 1)) - 1 : (System.Numerics.BigInteger.One << bits) - 1;
        var result = bits == 64 ? VK.I64 : VK.I32;
        if (v.K is VK.F32 or VK.F64)
        {
            // In range when the value truncated toward zero is, i.e. min - 1 < v < max + 1 (NaN is not), compared exactly:
            // max + 1 is a power of two, exact in float and double; min - 1 is exact too unless the significand is too
            // short for it (-2^31 - 1 in float, -2^63 - 1 in either), and then no value lies between min - 1 and min,
            // so the bound is v >= min. (Both bounds rounded through BigInteger → double were wrong at the ends of the
            // 64-bit ranges, and not constants of type float at all.)
            var ft = Ty.Llvm(v.K);
            int significand = v.K == VK.F32 ? 24 : 53;
            var upper = Math.ScaleB(1.0, signedTarget ? bits - 1 : bits);
            var (lowPred, lower) = !signedTarget ? ("ogt", -1.0)
                : bits <= significand ? ("ogt", -Math.ScaleB(1.0, bits - 1) - 1) : ("oge", -Math.ScaleB(1.0, bits - 1));
            var lo = T(); var hi = T(); var ok = T(); var bad = T();
            Emit($"{lo} = fcmp {lowPred} {ft} {v.V}, {FloatConst(lower)}");
            Emit($"{hi} = fcmp olt {ft} {v.V}, {FloatConst(upper)}");
            Emit($"{ok} = and i1 {lo}, {hi}");
            Emit($"{bad} = xor i1 {ok}, true");
            PanicIf(bad, "arithmetic overflow");
            _stack.Add(v);
            ConvInt(bits, signedTarget, result);
            return;
        }
        var st = Ty.Llvm(IntKind(v));
        var wide = T();
        Emit($"{wide} = {(unsignedSource ? "zext" : "sext")} {st} {IntOf(v)} to i128");
        var c1 = T(); var c2 = T(); var fail = T();
        Emit($"{c1} = icmp slt i128 {wide}, {min}");
        Emit($"{c2} = icmp sgt i128 {wide}, {max}");
        Emit($"{fail} = or i1 {c1}, {c2}");
        PanicIf(fail, "arithmetic overflow");
        var n = T();
        Emit($"{n} = trunc i128 {wide} to i{bits}");
        if (bits < 32)
        {
            var r = T();
            Emit($"{r} = {(signedTarget ? "sext" : "zext")} i{bits} {n} to i32");
            Push(r, VK.I32);
        }
        else
        {
            Push(n, result);
        }
    }

    private void Ret()
    {
        if (_vaList is not null)
            Emit($"call void @llvm.va_end(ptr {_vaList})");
        if (_retPieces is not null)
        {
            var v = Pop();
            var values = LoadPieces(v.V, _m.LayoutOf(_retPiecesType!).Size, _retPieces);
            if (values.Count == 1)
            {
                Emit($"ret {_retPieces.Pieces[0].Type} {values[0]}");
            }
            else
            {
                var agg = "{ " + string.Join(", ", _retPieces.Pieces.Select(p => p.Type)) + " }";
                var acc = "undef";
                for (int k = 0; k < values.Count; k++)
                {
                    var next = T();
                    Emit($"{next} = insertvalue {agg} {acc}, {_retPieces.Pieces[k].Type} {values[k]}, {k}");
                    acc = next;
                }
                Emit($"ret {agg} {acc}");
            }
        }
        else if (_ret is null)
        {
            Emit("ret void");
        }
        else if (_ret.StructByAddress)
        {
            var v = Pop();
            Copy(_retSlot!, v.V, _ret.Sig, false);
            Emit("ret void");
        }
        else
        {
            var v = Pop();
            Emit($"ret {_ret.Type} {Coerce(v, _ret.Type)}");
        }
        _terminated = true;
    }
}
