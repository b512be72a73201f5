namespace Veridian.Compiler.Translate;

/// <summary>One parameter of a C-ABI signature: a scalar, or a struct with its lowering.</summary>
public sealed record CParam(TypeSig Sig, AbiValue? Scalar, StructLowering? Struct, int Size, int Align)
{
    /// <summary>The LLVM parameter types (attributes included) this parameter becomes.</summary>
    public IEnumerable<string> LlvmTypes() => Struct switch
    {
        null => [CAbi.Render(Scalar!)],
        { Passing: StructPassing.Pieces } s => s.Pieces.Select(p => p.Type),
        { Passing: StructPassing.Indirect } => ["ptr"],
        { Passing: StructPassing.ByVal } => [$"ptr byval([{Size} x i8]) align {Math.Max(Align, 8)}"],
    };
}

/// <summary>A whole C-ABI signature, lowered for the target (see <see cref="CStructAbi"/>).</summary>
public sealed record CSignature(AbiValue? ScalarReturn, StructLowering? StructReturn, NamedSig? StructReturnType, IReadOnlyList<CParam> Params)
{
    /// <summary>True when the struct result comes back through a hidden pointer (<c>sret</c>).</summary>
    public bool Sret => StructReturn is { Passing: not StructPassing.Pieces };

    public string ReturnLlvm => StructReturn switch
    {
        { Passing: StructPassing.Pieces } s => s.Pieces.Count == 1 ? s.Pieces[0].Type : "{ " + string.Join(", ", s.Pieces.Select(p => p.Type)) + " }",
        not null => "void",
        null => ScalarReturn is null ? "void" : CAbi.RenderReturn(ScalarReturn),
    };

    public static CSignature Lower(ModuleTranslator mt, TypeSig ret, IReadOnlyList<TypeSig> parameters)
    {
        var abi = new CStructAbi(mt);
        AbiValue? scalarRet = null;
        StructLowering? structRet = null;
        NamedSig? structRetType = null;
        var r = mt.Model.Normalize(ret);
        if (r is NamedSig { IsValueType: true } rn)
        {
            structRet = abi.Lower(rn, isReturn: true);
            structRetType = rn;
        }
        else if (!CAbi.IsVoid(r))
        {
            scalarRet = CAbi.Value(mt, r, true);
        }
        abi.Reset(structRet is { Passing: not StructPassing.Pieces });
        var ps = new List<CParam>();
        foreach (var p0 in parameters)
        {
            var p = mt.Model.Normalize(p0);
            var layout = mt.Model.LayoutOf(p);
            if (p is NamedSig { IsValueType: true } n)
            {
                ps.Add(new CParam(p, null, abi.Lower(n, isReturn: false), layout.Size, layout.Align));
            }
            else
            {
                var v = CAbi.Value(mt, p, true);
                abi.Scalar(v.Type is "float" or "double");
                ps.Add(new CParam(p, v, null, layout.Size, layout.Align));
            }
        }
        return new CSignature(scalarRet, structRet, structRetType, ps);
    }
}
