using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;

namespace Veridian.Compiler.Translate;

public sealed partial class MethodTranslator
{
    /// <summary>The type a metadata token names (see <see cref="SigProvider.FromToken"/>).</summary>
    /// <param name="token">A TypeDef or TypeSpec token.</param>
    /// <param name="asWritten">Keep a primitive's struct named (a <c>constrained.</c> prefix calls the struct's own methods).</param>
    private TypeSig ResolveType(int token, bool asWritten = false)
    {
        var h = MetadataTokens.EntityHandle(token);
        return h.Kind switch
        {
            HandleKind.TypeDefinition when asWritten => _m.Sigs.Named((TypeDefinitionHandle)h, []),
            HandleKind.TypeDefinition => _m.Sigs.FromToken((TypeDefinitionHandle)h),
            HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)h).DecodeSignature(_m.Sigs, _inst.Context),
            _ => throw new UnsupportedException($"type token {h.Kind}"),
        };
    }

    private MethodInst ResolveMethod(int token) => ResolveMethod(MetadataTokens.EntityHandle(token));

    private MethodInst ResolveMethod(EntityHandle h)
    {
        switch (h.Kind)
        {
            case HandleKind.MethodDefinition:
                var mdh = (MethodDefinitionHandle)h;
                return new MethodInst(mdh, _m.OwnerOpen(mdh), []);
            case HandleKind.MethodSpecification:
                var spec = _md.GetMethodSpecification((MethodSpecificationHandle)h);
                var baseM = ResolveMethod(spec.Method);
                var margs = spec.DecodeSignature(_m.Sigs, _inst.Context);
                return baseM with { MethodArgs = margs };
            case HandleKind.MemberReference:
                var mr = _md.GetMemberReference((MemberReferenceHandle)h);
                var owner = mr.Parent.Kind switch
                {
                    HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)mr.Parent).DecodeSignature(_m.Sigs, _inst.Context),
                    HandleKind.TypeDefinition => _m.Sigs.Named((TypeDefinitionHandle)mr.Parent, []),
                    _ => throw new UnsupportedException($"method reference with parent {mr.Parent.Kind}"),
                };
                if (owner is not NamedSig n)
                    throw new UnsupportedException($"method on {owner.Key}");
                var name = _md.GetString(mr.Name);
                var want = SigKey(mr.DecodeMethodSignature(_m.Sigs, GenericContext.Open));
                foreach (var cand in _md.GetTypeDefinition(n.Def).GetMethods())
                {
                    var cd = _md.GetMethodDefinition(cand);
                    if (_md.GetString(cd.Name) == name && SigKey(cd.DecodeSignature(_m.Sigs, GenericContext.Open)) == want)
                        return new MethodInst(cand, n, []);
                }
                throw new UnsupportedException($"method {n.Key}.{name} not found");
            default:
                throw new UnsupportedException($"method token {h.Kind}");
        }
    }

    private static string SigKey(MethodSignature<TypeSig> s) =>
        $"{s.GenericParameterCount}:{s.ReturnType.Key}({string.Join(",", s.ParameterTypes.Select(p => p.Key))})";

    private (FieldDefinitionHandle Field, NamedSig Owner) ResolveField(int token)
    {
        var h = MetadataTokens.EntityHandle(token);
        if (h.Kind == HandleKind.FieldDefinition)
        {
            var fh = (FieldDefinitionHandle)h;
            return (fh, _m.Sigs.Named(_md.GetFieldDefinition(fh).GetDeclaringType(), []));
        }
        if (h.Kind != HandleKind.MemberReference)
            throw new UnsupportedException($"field token {h.Kind}");
        var mr = _md.GetMemberReference((MemberReferenceHandle)h);
        var owner = mr.Parent.Kind == HandleKind.TypeSpecification
            ? _md.GetTypeSpecification((TypeSpecificationHandle)mr.Parent).DecodeSignature(_m.Sigs, _inst.Context)
            : throw new UnsupportedException($"field reference with parent {mr.Parent.Kind}");
        var n = (NamedSig)owner;
        var name = _md.GetString(mr.Name);
        foreach (var f in _md.GetTypeDefinition(n.Def).GetFields())
            if (_md.GetString(_md.GetFieldDefinition(f).Name) == name)
                return (f, n);
        throw new UnsupportedException($"field {n.Key}.{name} not found");
    }

    private TypeSig FieldTypeIn(FieldDefinitionHandle f, NamedSig owner) =>
        _m.FieldType(f, new GenericContext(owner.Args.IsDefault ? [] : owner.Args, []));

    private void InstanceField(ILOpCode op, int token)
    {
        var (f, owner) = ResolveField(token);
        var ft = FieldTypeIn(f, owner);
        SV? value = op == ILOpCode.Stfld ? Pop() : null;
        var obj = Pop();
        var layout = owner.IsValueType ? _m.LayoutOf(owner) : _m.ClassLayout(owner);
        int offset = layout.Offsets[f];
        var addr = T();
        Emit($"{addr} = getelementptr inbounds i8, ptr {Addr(obj)}, i64 {offset}");
        switch (op)
        {
            case ILOpCode.Ldflda: Push(addr, VK.Ptr); break;
            case ILOpCode.Ldfld: LoadTo(ft, addr); break;
            default: StoreFrom(ft, addr, value!); break;
        }
    }

    private void StaticField(ILOpCode op, int token)
    {
        var (f, owner) = ResolveField(token);
        var fd = _md.GetFieldDefinition(f);
        if ((fd.Attributes & FieldAttributes.HasFieldRVA) != 0 && op == ILOpCode.Ldsflda)
        {
            var (g, size) = _mt.RvaData(f);
            _tokenSizes[g] = size;
            Push(g, VK.Ptr);
            return;
        }
        var ft = FieldTypeIn(f, owner);
        var global = _mt.StaticField(f, owner);
        if (_m.IsThreadStatic(f))
        {
            // The calling thread's copy: LLVM wants TLS addresses through this intrinsic (one per access; it is CSE'd).
            _mt.Declare("declare nonnull ptr @llvm.threadlocal.address.p0(ptr nonnull)");
            var own = T();
            Emit($"{own} = call ptr @llvm.threadlocal.address.p0(ptr {global})");
            global = own;
        }
        switch (op)
        {
            case ILOpCode.Ldsflda: Push(global, VK.Ptr); break;
            case ILOpCode.Ldsfld: LoadTo(ft, global); break;
            default: StoreFrom(ft, global, Pop()); break;
        }
    }

    private void NewObj(MethodInst ctor)
    {
        if (!ctor.Owner.IsValueType)
        {
            if (ctor.Owner.Name == "System.InvalidOperationException")
            {
                // Only reachable from Roslyn's non-exhaustive switch expression, followed by `throw` (→ panic).
                Push("null", VK.Ptr);
                return;
            }
            throw new UnsupportedException($"'new {ctor.Owner.Key}' allocates an object (no allocator in subset v1)");
        }
        var sig = _m.Signature(ctor);
        var args = PopArgs(sig.ParameterTypes.Length);
        var tmp = AllocaFor(ctor.Owner);
        var l = _m.LayoutOf(ctor.Owner);
        _mt.Declare("declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)");
        Emit($"call void @llvm.memset.p0.i64(ptr align {Math.Max(l.Align, 1)} {tmp}, i8 0, i64 {l.Size}, i1 false)");
        if (_m.IsIntrinsic(ctor.Def))
            throw new UnsupportedException("intrinsic constructor");
        EmitCall(ctor, sig, [new SV(tmp, VK.Ptr), .. args], pushResult: false);
        Push(tmp, VK.Struct, ctor.Owner);
    }

    private List<SV> PopArgs(int n)
    {
        var args = new List<SV>();
        for (int i = 0; i < n; i++) args.Add(Pop());
        args.Reverse();
        return args;
    }

    private void Call(MethodInst target, bool virtualCall)
    {
        var def = _md.GetMethodDefinition(target.Def);
        if ((def.Attributes & MethodAttributes.Virtual) != 0 && (def.Attributes & MethodAttributes.Final) == 0 && virtualCall && !target.Owner.IsValueType)
            throw new UnsupportedException($"virtual call to {_mt.Describe(target)}");
        if (_constrained is { } ct && (ct is not NamedSig cn || !cn.IsValueType || cn.Def != target.Owner.Def))
            throw new UnsupportedException($"constrained call of {_mt.Describe(target)} on {ct.Key} (boxing)");
        var sig = _m.Signature(target);
        bool isStatic = (def.Attributes & MethodAttributes.Static) != 0;
        var args = PopArgs(sig.ParameterTypes.Length + (isStatic ? 0 : 1));
        if (target.Owner.Name == "System.Object" && _m.Name(target.Def) == ".ctor")
            return;
        if (_m.IsIntrinsic(target.Def))
        {
            Intrinsic(target, sig, args);
            return;
        }
        EmitCall(target, sig, args, pushResult: true);
    }

    /// <summary>Emits a direct call; args include <c>this</c> first for instance methods.</summary>
    private void EmitCall(MethodInst target, MethodSignature<TypeSig> sig, List<SV> args, bool pushResult)
    {
        var fn = _mt.Require(target);
        bool cAbi = _m.ImportName(target.Def) is not null || _m.IsUnmanagedCallersOnly(target.Def);
        var def = _md.GetMethodDefinition(target.Def);
        bool isStatic = (def.Attributes & MethodAttributes.Static) != 0;
        var types = new List<TypeSig>();
        if (!isStatic)
            types.Add(new ByRefSig(target.Owner));
        types.AddRange(sig.ParameterTypes);
        EmitCallTo(fn, sig.ReturnType, types, args, cAbi, pushResult);
    }

    private void EmitCallTo(string fn, TypeSig retType, List<TypeSig> types, List<SV> args, bool cAbi, bool pushResult)
    {
        if (cAbi)
        {
            EmitCCall(fn, retType, types, args, pushResult);
            return;
        }
        var rendered = new List<string>();
        string? sret = null;
        AbiValue? ret = CAbi.IsVoid(retType) ? null : CAbi.Value(_mt, retType, cAbi);
        if (ret is { StructByAddress: true })
        {
            sret = AllocaFor(ret.Sig);
            rendered.Add($"ptr sret([{_m.LayoutOf(ret.Sig).Size} x i8]) {sret}");
        }
        for (int i = 0; i < types.Count; i++)
        {
            var v = CAbi.Value(_mt, types[i], cAbi);
            var a = args[i];
            if (v.StructByAddress)
            {
                if (a.K != VK.Struct)
                    throw new UnsupportedException($"passing a {a.K} as struct {types[i].Key}");
                rendered.Add($"ptr {a.V}");
            }
            else
            {
                rendered.Add($"{CAbi.Render(v)} {Coerce(a, v.Type)}");
            }
        }
        var retText = ret is null || ret.StructByAddress ? "void" : CAbi.RenderReturn(ret);
        if (ret is null || ret.StructByAddress)
        {
            Emit($"call {retText} {fn}({string.Join(", ", rendered)})");
            if (sret is not null && pushResult)
                Push(sret, VK.Struct, ret!.Sig);
            return;
        }
        var r = T();
        Emit($"{r} = call {retText} {fn}({string.Join(", ", rendered)})");
        if (!pushResult)
            return;
        var k = KindOf(ret.Sig);
        if (ret.Type is "i8" or "i16")
        {
            var w = T();
            var signed = ret.Sig is PrimSig { Kind: Prim.I1 or Prim.I2 };
            Emit($"{w} = {(signed ? "sext" : "zext")} {ret.Type} {r} to i32");
            r = w;
        }
        Push(r, k, ret.Sig);
    }

    /// <summary>A call through the target's C calling convention (structs lowered as clang does).</summary>
    private void EmitCCall(string fn, TypeSig retType, List<TypeSig> types, List<SV> args, bool pushResult)
    {
        var c = CSignature.Lower(_mt, retType, types);
        var rendered = new List<string>();
        string? sret = null;
        if (c.Sret)
        {
            sret = AllocaFor(c.StructReturnType!);
            rendered.Add($"ptr sret([{_m.LayoutOf(c.StructReturnType!).Size} x i8]) {sret}");
        }
        for (int i = 0; i < types.Count; i++)
        {
            var p = c.Params[i];
            var a = args[i];
            if (p.Struct is { } lowering)
            {
                if (a.K != VK.Struct)
                    throw new UnsupportedException($"passing a {a.K} as struct {types[i].Key}");
                if (lowering.Passing == StructPassing.Pieces)
                {
                    var values = LoadPieces(a.V, p.Size, lowering);
                    for (int k = 0; k < values.Count; k++)
                        rendered.Add($"{lowering.Pieces[k].Type} {values[k]}");
                }
                else
                {
                    // The stack value is already a private copy: pass its address (Indirect), or let byval copy it.
                    rendered.Add($"{p.LlvmTypes().Single()} {a.V}");
                }
            }
            else
            {
                rendered.Add($"{CAbi.Render(p.Scalar!)} {Coerce(a, p.Scalar!.Type)}");
            }
        }
        var call = $"call {c.ReturnLlvm} {fn}({string.Join(", ", rendered)})";
        if (c.StructReturn is { Passing: StructPassing.Pieces } pieces)
        {
            var r = T();
            Emit($"{r} = {call}");
            var tmp = StorePieces(r, c.StructReturnType!, pieces);
            if (pushResult) Push(tmp, VK.Struct, c.StructReturnType);
            return;
        }
        if (c.ScalarReturn is null)
        {
            Emit(call);
            if (sret is not null && pushResult)
                Push(sret, VK.Struct, c.StructReturnType);
            return;
        }
        var res = T();
        Emit($"{res} = {call}");
        if (!pushResult)
            return;
        var ret = c.ScalarReturn;
        if (ret.Type is "i8" or "i16")
        {
            var w = T();
            Emit($"{w} = {(ret.Sig is PrimSig { Kind: Prim.I1 or Prim.I2 } ? "sext" : "zext")} {ret.Type} {res} to i32");
            res = w;
        }
        Push(res, KindOf(ret.Sig), ret.Sig);
    }

    private void CallIndirect(int token)
    {
        var ss = _md.GetStandaloneSignature((StandaloneSignatureHandle)MetadataTokens.EntityHandle(token));
        var sig = ss.DecodeMethodSignature(_m.Sigs, _inst.Context);
        var fn = Pop();
        var args = PopArgs(sig.ParameterTypes.Length + (sig.Header.IsInstance ? 1 : 0));
        bool cAbi = sig.Header.CallingConvention != SignatureCallingConvention.Default;
        var types = new List<TypeSig>();
        if (sig.Header.IsInstance)
            types.Add(new PointerSig(new PrimSig(Prim.Void)));
        types.AddRange(sig.ParameterTypes);
        EmitCallTo(Addr(fn), sig.ReturnType, types, args, cAbi, pushResult: true);
    }
}
