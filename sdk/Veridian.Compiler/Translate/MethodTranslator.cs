using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;
using Veridian.Triples;

namespace Veridian.Compiler.Translate;

/// <summary>
/// Translates one method instance from IL to LLVM IR. Arguments and locals live in allocas; the evaluation
/// stack is kept as SSA values inside a basic block and spilled to per-depth allocas at block boundaries;
/// LLVM's mem2reg/SROA promote all of it.
/// </summary>
public sealed partial class MethodTranslator
{
    private readonly ModuleTranslator _mt;
    private readonly ProgramModel _m;
    private readonly MetadataReader _md;
    private readonly MethodInst _inst;
    private readonly StringBuilder _allocas = new();
    private readonly StringBuilder _body = new();
    private readonly List<SV> _stack = [];
    private readonly Dictionary<int, List<SV>> _entryStacks = new();
    private readonly HashSet<string> _spillSlots = new(StringComparer.Ordinal);
    private readonly List<(string Slot, TypeSig Type, bool IsStructArg)> _args = [];
    private readonly List<(string Slot, TypeSig Type)> _locals = [];
    private int _tmp;
    private bool _terminated;
    private bool _volatilePrefix;
    private TypeSig? _constrained;
    private string? _retSlot;
    private AbiValue? _ret;
    private bool _cAbi;

    /// <summary>The IL offset being translated (for diagnostics).</summary>
    public int CurrentOffset { get; private set; }

    public MethodTranslator(ModuleTranslator mt, MethodInst inst)
    {
        _mt = mt;
        _m = mt.Model;
        _md = _m.Md;
        _inst = inst;
    }

    private string T() => $"%t{_tmp++}";
    private void Emit(string line) => _body.Append("  ").Append(line).Append('\n');

    /// <summary>A <c>[TargetFeatures]</c> list must be <c>+name</c>/<c>-name</c> items, else VDN4102 (LLVM would reject the module).</summary>
    private static string CheckFeatures(string features)
    {
        foreach (var f in features.Split(','))
        {
            if (f.Length < 2 || f[0] is not ('+' or '-') || !f.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                throw new UnsupportedIntrinsic($"[TargetFeatures(\"{features}\")]: each feature must be +name or -name in LLVM's spelling (e.g. \"+avx2\"), separated by commas without spaces");
        }
        return features;
    }

    private string Alloca(string type, int align)
    {
        var name = $"%a{_tmp++}";
        _allocas.Append(CultureInfo.InvariantCulture, $"  {name} = alloca {type}, align {align}\n");
        return name;
    }

    private string AllocaFor(TypeSig t)
    {
        var l = _m.LayoutOf(t);
        return Alloca($"[{l.Size} x i8]", Math.Max(l.Align, 1));
    }

    public string Translate()
    {
        var def = _md.GetMethodDefinition(_inst.Def);
        var name = _mt.Require(_inst);
        if (_m.IsIntrinsic(_inst.Def))
            throw new UnsupportedException($"intrinsic {_mt.Describe(_inst)} used as a value (take its address or call it through a pointer is not possible)");
        if (def.RelativeVirtualAddress == 0)
            throw new UnsupportedException($"method {_mt.Describe(_inst)} has no body (extern without [DllImport])");
        var sig = _m.Signature(_inst);
        // Exports and every other [UnmanagedCallersOnly] method: callers reach them through the C ABI (C, or
        // delegate* unmanaged<…>); with the managed convention their struct parameters and results did not match.
        _cAbi = _m.IsUnmanagedCallersOnly(_inst.Def);
        bool isStatic = (def.Attributes & MethodAttributes.Static) != 0;
        var header = new StringBuilder();
        var parms = new List<string>();
        var prologue = new StringBuilder();
        bool variadic = false;

        CSignature? csig = null;
        if (_cAbi)
        {
            var plist = sig.ParameterTypes;
            if (plist.Length > 0 && plist[^1] is NamedSig { Name: "Veridian.Interop.VaList" } && !_m.IsCVaList(_inst.Def, plist.Length - 1))
                plist = plist.RemoveAt(plist.Length - 1);
            csig = CSignature.Lower(_mt, sig.ReturnType, plist);
        }
        if (csig is { StructReturn: { Passing: StructPassing.Pieces } pieces })
        {
            _retPieces = pieces;
            _retPiecesType = csig.StructReturnType;
        }
        else if (!CAbi.IsVoid(sig.ReturnType))
        {
            _ret = _m.Normalize(sig.ReturnType) is NamedSig { IsValueType: true } rs ? new AbiValue("ptr", "", true, rs) : CAbi.Value(_mt, sig.ReturnType, _cAbi);
            if (_ret.StructByAddress)
            {
                parms.Add("ptr noalias sret([" + _m.LayoutOf(_ret.Sig).Size + " x i8]) %ret");
                _retSlot = "%ret";
            }
        }
        if (!isStatic)
        {
            parms.Add("ptr %this");
            var slot = Alloca("ptr", 8);
            prologue.Append(CultureInfo.InvariantCulture, $"  store ptr %this, ptr {slot}\n");
            var thisType = _inst.Owner.IsValueType ? (TypeSig)new ByRefSig(_inst.Owner) : _inst.Owner;
            _args.Add((slot, thisType, false));
        }
        for (int i = 0; i < sig.ParameterTypes.Length; i++)
        {
            var pt = sig.ParameterTypes[i];
            if (_cAbi && pt is NamedSig { Name: "Veridian.Interop.VaList" } && _m.IsCVaList(_inst.Def, i))
            {
                // C's va_list argument: on x86_64 a pointer to the caller's list (an array type decays), on aarch64 a
                // pointer to a copy the caller made (a 32-byte composite goes by reference), on riscv64 the cursor
                // itself, which gets a slot of its own so that reading advances it as va_arg does.
                var pname0 = $"%p{i}";
                parms.Add($"ptr {pname0}");
                var slot = AllocaFor(pt);
                if (_mt.Target.Arch == Arch.RiscV64)
                {
                    var cursor = Alloca("ptr", 8);
                    prologue.Append(CultureInfo.InvariantCulture, $"  store ptr {pname0}, ptr {cursor}\n  store ptr {cursor}, ptr {slot}\n");
                }
                else
                    prologue.Append(CultureInfo.InvariantCulture, $"  store ptr {pname0}, ptr {slot}\n");
                _args.Add((slot, pt, true));
                continue;
            }
            if (_cAbi && i == sig.ParameterTypes.Length - 1 && pt is NamedSig { Name: "Veridian.Interop.VaList" })
            {
                variadic = true;
                var list = VaListStorage();
                var slot = AllocaFor(pt);
                prologue.Append(CultureInfo.InvariantCulture, $"  call void @llvm.va_start(ptr {list})\n  store ptr {list}, ptr {slot}\n");
                _mt.Declare("declare void @llvm.va_start(ptr)");
                _mt.Declare("declare void @llvm.va_end(ptr)");
                _vaList = list;
                _args.Add((slot, pt, true));
                continue;
            }
            var pname = $"%p{i}";
            if (csig?.Params[i] is { Struct: { } lowering } cp)
            {
                if (lowering.Passing == StructPassing.Pieces)
                {
                    var co = CoercionSlot(cp.Size, lowering, prologue);
                    for (int k = 0; k < lowering.Pieces.Count; k++)
                    {
                        var (ptype, off, _) = lowering.Pieces[k];
                        parms.Add($"{ptype} {pname}.{k}");
                        prologue.Append(CultureInfo.InvariantCulture, $"  %{pname[1..]}.{k}.a = getelementptr inbounds i8, ptr {co}, i64 {off}\n  store {ptype} {pname}.{k}, ptr %{pname[1..]}.{k}.a, align 1\n");
                    }
                    var storage = AllocaFor(pt);
                    _mt.Declare("declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)");
                    prologue.Append(CultureInfo.InvariantCulture, $"  call void @llvm.memcpy.p0.p0.i64(ptr {storage}, ptr {co}, i64 {cp.Size}, i1 false)\n");
                    _args.Add((storage, pt, true));
                }
                else
                {
                    parms.Add(cp.LlvmTypes().Single() + " " + pname);
                    _args.Add((pname, pt, true));
                }
                continue;
            }
            var v = CAbi.Value(_mt, pt, _cAbi);
            parms.Add(CAbi.Render(v) + " " + pname);
            if (v.StructByAddress)
            {
                _args.Add((pname, pt, true));
            }
            else
            {
                var slot = Alloca(v.Type, Math.Max(_m.LayoutOf(pt).Align, 1));
                prologue.Append(CultureInfo.InvariantCulture, $"  store {v.Type} {pname}, ptr {slot}\n");
                _args.Add((slot, pt, false));
            }
        }
        if (variadic)
            parms.Add("...");

        var body = _m.Pe.GetMethodBody(def.RelativeVirtualAddress);
        ReadRegions(body);
        if (!body.LocalSignature.IsNil)
        {
            var locals = _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_m.Sigs, _inst.Context);
            foreach (var lt in locals)
            {
                var slot = AllocaFor(lt);
                var l = _m.LayoutOf(lt);
                prologue.Append(CultureInfo.InvariantCulture, $"  call void @llvm.memset.p0.i64(ptr align {Math.Max(l.Align, 1)} {slot}, i8 0, i64 {l.Size}, i1 false)\n");
                _locals.Add((slot, lt));
            }
            _mt.Declare("declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)");
        }

        var code = IlInstruction.Decode(body.GetILReader());
        var starts = BlockStarts(code);
        starts.UnionWith(RegionBlockStarts());
        foreach (var ins in code)
        {
            CurrentOffset = ins.Offset;
            if (starts.Contains(ins.Offset))
            {
                if (!_terminated)
                    BranchTo(ins.Offset);
                _body.Append(CultureInfo.InvariantCulture, $"L{ins.Offset}:\n");
                _terminated = false;
                _stack.Clear();
                if (_entryStacks.TryGetValue(ins.Offset, out var entry))
                    for (int d = 0; d < entry.Count; d++)
                    {
                        var t = T();
                        Emit($"{t} = load {Ty.Llvm(entry[d].K)}, ptr {SpillSlot(d, entry[d].K)}");
                        _stack.Add(entry[d] with { V = t });
                    }
            }
            else if (_terminated)
            {
                // Dead code after a terminator that no branch reaches: give it a block so the IR stays valid.
                _body.Append(CultureInfo.InvariantCulture, $"D{ins.Offset}:\n");
                _terminated = false;
                _stack.Clear();
            }
            Step(ins);
        }
        if (!_terminated)
            Emit("unreachable");
        WriteFinallyDispatch();

        var linkage = _m.ExportName(_inst.Def) is not null ? "" : "internal ";
        var retType = csig is not null ? csig.ReturnLlvm : _ret is null || _ret.StructByAddress ? "void" : CAbi.RenderReturn(_ret);
        var features = _m.TargetFeatures(_inst.Def) is { } extra ? $" \"target-features\"=\"{_mt.Target.Features},{CheckFeatures(extra)}\"" : "";
        header.Append(CultureInfo.InvariantCulture, $"define {linkage}{retType} {name}({string.Join(", ", parms)}){features} {{\nentry:\n");
        var sb = new StringBuilder();
        sb.Append(header).Append(_allocas).Append(prologue).Append("  br label %L0\n").Append(_body).Append("}\n\n");
        return sb.ToString();
    }

    private string? _vaList;
    private StructLowering? _retPieces;
    private NamedSig? _retPiecesType;

    /// <summary>A zeroed, 16-byte aligned scratch slot covering a struct and its register pieces (reads past the struct stay in bounds).</summary>
    private string CoercionSlot(int size, StructLowering lowering, System.Text.StringBuilder? prologue = null)
    {
        int end = Math.Max(size, lowering.Pieces.Count == 0 ? 0 : lowering.Pieces.Max(p => p.Offset + p.Size));
        end = ProgramModel.AlignUp(Math.Max(end, 1), 16);
        var slot = Alloca($"[{end} x i8]", 16);
        _mt.Declare("declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)");
        var line = $"call void @llvm.memset.p0.i64(ptr align 16 {slot}, i8 0, i64 {end}, i1 false)";
        if (prologue is not null) prologue.Append("  ").Append(line).Append('\n');
        else Emit(line);
        return slot;
    }

    /// <summary>Loads a struct's register pieces from <paramref name="src"/> (through a scratch slot); returns the LLVM values.</summary>
    private List<string> LoadPieces(string src, int size, StructLowering lowering)
    {
        var co = CoercionSlot(size, lowering);
        _mt.Declare("declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)");
        Emit($"call void @llvm.memcpy.p0.p0.i64(ptr {co}, ptr {src}, i64 {size}, i1 false)");
        var values = new List<string>();
        foreach (var (ptype, off, _) in lowering.Pieces)
        {
            var a = T();
            var v = T();
            Emit($"{a} = getelementptr inbounds i8, ptr {co}, i64 {off}");
            Emit($"{v} = load {ptype}, ptr {a}, align 1");
            values.Add(v);
        }
        return values;
    }

    /// <summary>Stores register pieces (one value, or an LLVM struct of them) into a fresh struct temp.</summary>
    private string StorePieces(string value, NamedSig type, StructLowering lowering)
    {
        int size = _m.LayoutOf(type).Size;
        var co = CoercionSlot(size, lowering);
        for (int k = 0; k < lowering.Pieces.Count; k++)
        {
            var (ptype, off, _) = lowering.Pieces[k];
            var piece = value;
            if (lowering.Pieces.Count > 1)
            {
                piece = T();
                Emit($"{piece} = extractvalue {{ {string.Join(", ", lowering.Pieces.Select(p => p.Type))} }} {value}, {k}");
            }
            var a = T();
            Emit($"{a} = getelementptr inbounds i8, ptr {co}, i64 {off}");
            Emit($"store {ptype} {piece}, ptr {a}, align 1");
        }
        var tmp = AllocaFor(type);
        _mt.Declare("declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)");
        Emit($"call void @llvm.memcpy.p0.p0.i64(ptr {tmp}, ptr {co}, i64 {size}, i1 false)");
        return tmp;
    }

    /// <summary>The va_list object of the target (x86_64 SysV: 24 bytes; AArch64 AAPCS64: 32 bytes; RISC-V: one pointer).</summary>
    private string VaListStorage() => _mt.Target.Arch switch
    {
        Arch.X86_64 => Alloca("[24 x i8]", 16),
        Arch.AArch64 => Alloca("[32 x i8]", 8),
        Arch.RiscV64 => Alloca("ptr", 8),
    };

    private static HashSet<int> BlockStarts(List<IlInstruction> code)
    {
        var starts = new HashSet<int> { 0 };
        foreach (var ins in code)
        {
            if (ins.Targets is { } ts)
            {
                foreach (var t in ts) starts.Add(t);
                starts.Add(ins.Next);
            }
            if (ins.Op is ILOpCode.Ret or ILOpCode.Throw or ILOpCode.Endfinally)
                starts.Add(ins.Next);
        }
        return starts;
    }

    private string SpillSlot(int depth, VK k)
    {
        var name = $"%spill.{depth}.{k}";
        if (_spillSlots.Add(name))
            _allocas.Append(CultureInfo.InvariantCulture, $"  {name} = alloca {Ty.Llvm(k)}, align 8\n");
        return name;
    }

    /// <summary>Records the stack shape for a successor and stores the values into the spill slots.</summary>
    private void SpillFor(int target)
    {
        if (!_entryStacks.ContainsKey(target))
            _entryStacks[target] = [.. _stack];
        for (int d = 0; d < _stack.Count; d++)
        {
            var (v, k) = (_stack[d].V, _stack[d].K);
            Emit($"store {Ty.Llvm(k)} {v}, ptr {SpillSlot(d, k)}");
            // A native int and a pointer may meet at a join (`c ? F() : null` is `call` on one side and
            // `ldc.i4.0; conv.u` on the other): the join reads the slot of the kind its first predecessor had, so a
            // value of either kind is stored in both (SROA drops the unused one).
            if (k == VK.Ptr)
            {
                var i = T();
                Emit($"{i} = ptrtoint ptr {v} to i64");
                Emit($"store i64 {i}, ptr {SpillSlot(d, VK.I64)}");
            }
            else if (k == VK.I64)
            {
                var p = T();
                Emit($"{p} = inttoptr i64 {v} to ptr");
                Emit($"store ptr {p}, ptr {SpillSlot(d, VK.Ptr)}");
            }
        }
    }

    private void BranchTo(int target)
    {
        SpillFor(target);
        Emit($"br label %L{target}");
        _terminated = true;
    }

    private void CondBranch(string cond, int target, int next)
    {
        SpillFor(target);
        SpillFor(next);
        Emit($"br i1 {cond}, label %L{target}, label %L{next}");
        _terminated = true;
    }

    private SV Pop()
    {
        if (_stack.Count == 0)
            throw new UnsupportedException("IL stack underflow");
        var v = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return v;
    }

    private void Push(string v, VK k, TypeSig? t = null) => _stack.Add(new SV(v, k, t));

    /// <summary>The stack kind a value of type <paramref name="t"/> has when loaded.</summary>
    private VK KindOf(TypeSig t)
    {
        t = _m.Normalize(t);
        return t switch
        {
            PrimSig p => p.Kind switch
            {
                Prim.Void => throw new UnsupportedException("void value"),
                Prim.Bool or Prim.Char or Prim.I1 or Prim.U1 or Prim.I2 or Prim.U2 or Prim.I4 or Prim.U4 => VK.I32,
                Prim.I8 or Prim.U8 or Prim.I or Prim.U => VK.I64,
                Prim.R4 => VK.F32,
                Prim.R8 => VK.F64,
            },
            PointerSig or ByRefSig or FnPtrSig => VK.Ptr,
            NamedSig { IsValueType: false } => VK.Ptr,
            NamedSig => VK.Struct,
            ArraySig => throw new UnsupportedException("arrays are outside subset v1"),
            _ => throw new UnsupportedException($"type {t.Key}"),
        };
    }

    /// <summary>Loads a value of type <paramref name="t"/> from <paramref name="addr"/> onto the stack.</summary>
    private void LoadTo(TypeSig t, string addr, bool isVolatile = false)
    {
        t = _m.Normalize(t);
        var k = KindOf(t);
        var vol = isVolatile || _volatilePrefix ? "volatile " : "";
        int align = Math.Max(_m.LayoutOf(t).Align, 1);
        if (k == VK.Struct)
        {
            var tmp = AllocaFor(t);
            Copy(tmp, addr, t, isVolatile || _volatilePrefix);
            Push(tmp, VK.Struct, t);
            return;
        }
        var st = t is PrimSig p ? CAbi.StorageType(p.Kind) : "ptr";
        var v = T();
        Emit($"{v} = load {vol}{st}, ptr {addr}, align {align}");
        if (t is PrimSig pp && st is "i8" or "i16")
        {
            var w = T();
            var ext = pp.Kind is Prim.I1 or Prim.I2 ? "sext" : "zext";
            Emit($"{w} = {ext} {st} {v} to i32");
            v = w;
        }
        Push(v, k, t);
    }

    /// <summary>Stores a stack value into memory of type <paramref name="t"/>.</summary>
    private void StoreFrom(TypeSig t, string addr, SV value, bool isVolatile = false)
    {
        t = _m.Normalize(t);
        var vol = isVolatile || _volatilePrefix ? "volatile " : "";
        int align = Math.Max(_m.LayoutOf(t).Align, 1);
        if (KindOf(t) == VK.Struct)
        {
            if (value.K != VK.Struct)
                throw new UnsupportedException($"storing a {value.K} into a struct");
            Copy(addr, value.V, t, isVolatile || _volatilePrefix);
            return;
        }
        var st = t is PrimSig p ? CAbi.StorageType(p.Kind) : "ptr";
        var v = Coerce(value, st);
        Emit($"store {vol}{st} {v}, ptr {addr}, align {align}");
    }

    private void Copy(string dst, string src, TypeSig t, bool isVolatile)
    {
        var l = _m.LayoutOf(t);
        _mt.Declare("declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)");
        Emit($"call void @llvm.memcpy.p0.p0.i64(ptr align {Math.Max(l.Align, 1)} {dst}, ptr align {Math.Max(l.Align, 1)} {src}, i64 {l.Size}, i1 {(isVolatile ? "true" : "false")})");
    }

    /// <summary>Converts a stack value to an LLVM type (truncation, pointer/int casts), as IL's implicit conversions do.</summary>
    private string Coerce(SV v, string type)
    {
        var from = Ty.Llvm(v.K);
        if (from == type)
            return v.V;
        var r = T();
        switch (from, type)
        {
            case ("i32", "i8" or "i16"):
            case ("i64", "i8" or "i16" or "i32"):
                Emit($"{r} = trunc {from} {v.V} to {type}");
                break;
            case ("i32", "i64"):
                // IL: int32 used where native int is expected is sign-extended (ECMA-335 III.1.6).
                Emit($"{r} = sext i32 {v.V} to i64");
                break;
            case ("i64", "ptr"):
                Emit($"{r} = inttoptr i64 {v.V} to ptr");
                break;
            case ("i32", "ptr"):
                var w = T();
                Emit($"{w} = zext i32 {v.V} to i64");
                Emit($"{r} = inttoptr i64 {w} to ptr");
                break;
            case ("ptr", "i64"):
                Emit($"{r} = ptrtoint ptr {v.V} to i64");
                break;
            case ("ptr", "i32" or "i8" or "i16"):
                var x = T();
                Emit($"{x} = ptrtoint ptr {v.V} to i64");
                Emit($"{r} = trunc i64 {x} to {type}");
                break;
            case ("float", "double"):
                Emit($"{r} = fpext float {v.V} to double");
                break;
            case ("double", "float"):
                Emit($"{r} = fptrunc double {v.V} to float");
                break;
            default:
                throw new UnsupportedException($"cannot use a {from} value as {type}");
        }
        return r;
    }

    private void Panic(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var g = _mt.NewGlobalName("panicmsg");
        _mt.DeclareGlobal($"{g} = private unnamed_addr constant [{bytes.Length + 1} x i8] c\"{message}\\00\"");
        _mt.Declare("declare void @__veridian_panic(ptr, i64) cold noreturn");
        Emit($"call void @__veridian_panic(ptr {g}, i64 {bytes.Length})");
        Emit("unreachable");
    }

    /// <summary>Branches to a panic block when <paramref name="failed"/> is true, continuing in a fresh block otherwise.</summary>
    private void PanicIf(string failed, string message)
    {
        var id = _tmp++;
        Emit($"br i1 {failed}, label %panic{id}, label %ok{id}, !prof !0");
        _mt.NeedsBranchWeights = true;
        _body.Append(CultureInfo.InvariantCulture, $"panic{id}:\n");
        Panic(message);
        _body.Append(CultureInfo.InvariantCulture, $"ok{id}:\n");
    }
}
