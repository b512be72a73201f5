using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Veridian.Compiler.Translate;

/// <summary>A method instance: definition plus the generic arguments of its type and of itself.</summary>
public sealed record MethodInst(MethodDefinitionHandle Def, NamedSig Owner, ImmutableArray<TypeSig> MethodArgs)
{
    public GenericContext Context => new(Owner.Args.IsDefault ? [] : Owner.Args, MethodArgs.IsDefault ? [] : MethodArgs);
    public string Key => $"{Owner.Key}::{MetadataTokens.GetRowNumber(Def)}" + (MethodArgs.IsDefaultOrEmpty ? "" : $"<{string.Join(",", MethodArgs.Select(a => a.Key))}>");
    public bool Equals(MethodInst? other) => other is not null && other.Key == Key;
    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}

/// <summary>Size and alignment in bytes, plus field offsets for a struct.</summary>
public sealed record Layout(int Size, int Align, IReadOnlyDictionary<FieldDefinitionHandle, int> Offsets);

/// <summary>The IL image read with System.Reflection.Metadata, with the queries the translator needs.</summary>
public sealed class ProgramModel
{
    public PEReader Pe { get; }
    public MetadataReader Md { get; }
    public SigProvider Sigs { get; }
    public MetadataReader? Pdb { get; }
    private readonly Dictionary<string, Layout> _layouts = new(StringComparer.Ordinal);

    public ProgramModel(ImmutableArray<byte> image, ImmutableArray<byte> pdb)
    {
        Pe = new PEReader(image);
        Md = Pe.GetMetadataReader();
        Sigs = new SigProvider(Md);
        if (!pdb.IsDefaultOrEmpty)
            Pdb = MetadataReaderProvider.FromPortablePdbImage(pdb).GetMetadataReader();
    }

    public string Name(MethodDefinitionHandle h) => Md.GetString(Md.GetMethodDefinition(h).Name);

    /// <summary>The full name of a custom attribute's type (its constructor's declaring type).</summary>
    public string AttributeName(CustomAttribute ca)
    {
        var ctor = ca.Constructor;
        if (ctor.Kind == HandleKind.MethodDefinition)
            return Sigs.FullName(Md.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType());
        var mr = Md.GetMemberReference((MemberReferenceHandle)ctor);
        return mr.Parent.Kind == HandleKind.TypeDefinition ? Sigs.FullName((TypeDefinitionHandle)mr.Parent) : "?";
    }

    public bool HasAttribute(CustomAttributeHandleCollection attrs, string fullName) =>
        attrs.Any(a => AttributeName(Md.GetCustomAttribute(a)) == fullName);

    public bool IsIntrinsic(MethodDefinitionHandle h) =>
        HasAttribute(Md.GetMethodDefinition(h).GetCustomAttributes(), "System.Runtime.CompilerServices.IntrinsicAttribute");

    /// <summary>
    /// True for a <c>[UnmanagedCallersOnly]</c> method, exported or not: it has the target's C calling convention,
    /// because C# only lets <c>delegate* unmanaged&lt;…&gt;</c> (a C-ABI call) and C reach it.
    /// </summary>
    public bool IsUnmanagedCallersOnly(MethodDefinitionHandle h) =>
        HasAttribute(Md.GetMethodDefinition(h).GetCustomAttributes(), "System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute");

    /// <summary>The EntryPoint of <c>[UnmanagedCallersOnly]</c>, or null when the method is not an export.</summary>
    public string? ExportName(MethodDefinitionHandle h)
    {
        foreach (var a in Md.GetMethodDefinition(h).GetCustomAttributes())
        {
            var ca = Md.GetCustomAttribute(a);
            if (AttributeName(ca) != "System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute")
                continue;
            var v = ca.DecodeValue(new AttrProvider(this));
            foreach (var n in v.NamedArguments)
                if (n.Name == "EntryPoint" && n.Value is string s)
                    return s;
            return null;
        }
        return null;
    }

    /// <summary>True when parameter <paramref name="index"/> (0-based) of a method is <c>[Veridian.Interop.CVaList]</c>: C's va_list, not <c>...</c>.</summary>
    public bool IsCVaList(MethodDefinitionHandle h, int index)
    {
        foreach (var ph in Md.GetMethodDefinition(h).GetParameters())
        {
            var p = Md.GetParameter(ph);
            if (p.SequenceNumber == index + 1)
                return HasAttribute(p.GetCustomAttributes(), "Veridian.Interop.CVaListAttribute");
        }
        return false;
    }

    /// <summary>True when a static field is <c>[ThreadStatic]</c>: one copy per thread, an ELF TLS variable.</summary>
    public bool IsThreadStatic(FieldDefinitionHandle f)
    {
        foreach (var a in Md.GetFieldDefinition(f).GetCustomAttributes())
        {
            if (AttributeName(Md.GetCustomAttribute(a)) == "System.ThreadStaticAttribute")
                return true;
        }
        return false;
    }

    /// <summary>The features of a method's <c>[Veridian.Intrinsics.TargetFeatures]</c>, or null.</summary>
    public string? TargetFeatures(MethodDefinitionHandle h)
    {
        foreach (var a in Md.GetMethodDefinition(h).GetCustomAttributes())
        {
            var ca = Md.GetCustomAttribute(a);
            if (AttributeName(ca) == "Veridian.Intrinsics.TargetFeaturesAttribute")
                return ca.DecodeValue(new AttrProvider(this)).FixedArguments[0].Value as string;
        }
        return null;
    }

    /// <summary>The name of a static field's <c>[Veridian.Interop.CSymbol]</c>, or null.</summary>
    public string? CSymbol(FieldDefinitionHandle f)
    {
        foreach (var a in Md.GetFieldDefinition(f).GetCustomAttributes())
        {
            var ca = Md.GetCustomAttribute(a);
            if (AttributeName(ca) == "Veridian.Interop.CSymbolAttribute")
                return ca.DecodeValue(new AttrProvider(this)).FixedArguments[0].Value as string;
        }
        return null;
    }

    /// <summary>The C symbol of a <c>[DllImport]</c> method, or null.</summary>
    public string? ImportName(MethodDefinitionHandle h)
    {
        var md = Md.GetMethodDefinition(h);
        if ((md.Attributes & MethodAttributes.PinvokeImpl) == 0)
            return null;
        var imp = md.GetImport();
        return imp.Name.IsNil ? Md.GetString(md.Name) : Md.GetString(imp.Name);
    }

    public MethodSignature<TypeSig> Signature(MethodInst m) =>
        Md.GetMethodDefinition(m.Def).DecodeSignature(Sigs, m.Context);

    public NamedSig OwnerOpen(MethodDefinitionHandle h) => Sigs.Named(Md.GetMethodDefinition(h).GetDeclaringType(), []);

    /// <summary>Instance fields of a type definition, in metadata (declaration) order.</summary>
    public IEnumerable<FieldDefinitionHandle> InstanceFields(TypeDefinitionHandle t) =>
        Md.GetTypeDefinition(t).GetFields().Where(f => (Md.GetFieldDefinition(f).Attributes & FieldAttributes.Static) == 0);

    public TypeSig FieldType(FieldDefinitionHandle f, GenericContext ctx) => Md.GetFieldDefinition(f).DecodeSignature(Sigs, ctx);

    /// <summary>The underlying integer type of an enum, or null when <paramref name="t"/> is not an enum.</summary>
    public TypeSig? EnumUnderlying(NamedSig t)
    {
        var td = Md.GetTypeDefinition(t.Def);
        if (td.BaseType.IsNil || td.BaseType.Kind != HandleKind.TypeDefinition || Sigs.FullName((TypeDefinitionHandle)td.BaseType) != "System.Enum")
            return null;
        return FieldType(InstanceFields(t.Def).First(), GenericContext.Empty);
    }

    /// <summary>Reduces enums to their underlying type; primitive structs (System.Int32 …) stay named, never met in signatures.</summary>
    public TypeSig Normalize(TypeSig t) => t is NamedSig n && EnumUnderlying(n) is { } u ? u : t;

    /// <summary>The C-compatible layout of a type on the 64-bit targets (LP64: every target here).</summary>
    public Layout LayoutOf(TypeSig t)
    {
        t = Normalize(t);
        switch (t)
        {
            case PrimSig p:
                var s = PrimSize(p.Kind);
                return new Layout(s, Math.Max(s, 1), EmptyOffsets);
            case PointerSig or ByRefSig or FnPtrSig:
                return new Layout(8, 8, EmptyOffsets);
            case NamedSig n when !n.IsValueType:
                return new Layout(8, 8, EmptyOffsets);
            case NamedSig n:
                if (_layouts.TryGetValue(n.Key, out var cached))
                    return cached;
                var computed = ComputeStruct(n, 0);
                _layouts[n.Key] = computed;
                return computed;
            default:
                throw new UnsupportedException($"type {t.Key} has no layout in subset v1");
        }
    }

    /// <summary>Field offsets of a class instance (String): an 8-byte header, then the fields in order.</summary>
    public Layout ClassLayout(NamedSig n) => ComputeStruct(n, 8);

    private static readonly IReadOnlyDictionary<FieldDefinitionHandle, int> EmptyOffsets = new Dictionary<FieldDefinitionHandle, int>();

    private Layout ComputeStruct(NamedSig n, int start)
    {
        var td = Md.GetTypeDefinition(n.Def);
        var classLayout = td.GetLayout();
        bool explicitLayout = (td.Attributes & TypeAttributes.LayoutMask) == TypeAttributes.ExplicitLayout;
        int pack = classLayout.PackingSize == 0 ? 16 : classLayout.PackingSize;
        var ctx = new GenericContext(n.Args.IsDefault ? [] : n.Args, []);
        var offsets = new Dictionary<FieldDefinitionHandle, int>();
        int size = start, align = 1;
        foreach (var f in InstanceFields(n.Def))
        {
            var fl = LayoutOf(FieldType(f, ctx));
            int a = Math.Min(fl.Align, pack);
            int off = explicitLayout ? Md.GetFieldDefinition(f).GetOffset() : AlignUp(size, a);
            offsets[f] = off;
            size = explicitLayout ? Math.Max(size, off + fl.Size) : off + fl.Size;
            align = Math.Max(align, a);
        }
        if (start > 0)
            align = 8;
        if (InlineArrayLength(td) is { } length && offsets.Count == 1)
            size = length * (size - offsets.Values.Single()); // [InlineArray(n)]: n consecutive elements (C# 12)
        size = Math.Max(size, classLayout.Size);
        if (size == 0)
            size = 1; // an empty struct has size 1 in C# (and in C++)
        return new Layout(AlignUp(size, align), align, offsets);
    }

    /// <summary>The length of an <c>[InlineArray(n)]</c> struct, or null.</summary>
    public int? InlineArrayLength(TypeDefinition td)
    {
        foreach (var h in td.GetCustomAttributes())
        {
            var ca = Md.GetCustomAttribute(h);
            if (AttributeName(ca) == "System.Runtime.CompilerServices.InlineArrayAttribute")
                return (int)ca.DecodeValue(new AttrProvider(this)).FixedArguments[0].Value!;
        }
        return null;
    }

    public static int AlignUp(int v, int a) => (v + a - 1) / a * a;

    public static int PrimSize(Prim p) => p switch
    {
        Prim.Void => 0,
        Prim.Bool or Prim.I1 or Prim.U1 => 1,
        Prim.Char or Prim.I2 or Prim.U2 => 2,
        Prim.I4 or Prim.U4 or Prim.R4 => 4,
        Prim.I8 or Prim.U8 or Prim.R8 or Prim.I or Prim.U => 8,
    };

    /// <summary>The RVA data of a field (u8 literals, static ReadOnlySpan data), with its size.</summary>
    public byte[] FieldData(FieldDefinitionHandle h)
    {
        var fd = Md.GetFieldDefinition(h);
        if ((fd.Attributes & FieldAttributes.HasFieldRVA) == 0)
            throw new UnsupportedException("field without initial data used as data");
        var size = LayoutOf(FieldType(h, GenericContext.Empty)).Size;
        var data = Pe.GetSectionData(fd.GetRelativeVirtualAddress());
        return data.GetContent(0, size).ToArray();
    }

    /// <summary>The source line of an IL offset in a method (the nearest sequence point at or before it).</summary>
    public (string? File, int Line) LineOf(MethodDefinitionHandle m, int ilOffset)
    {
        if (Pdb is null)
            return (null, 0);
        var info = Pdb.GetMethodDebugInformation(m);
        string? file = null;
        int line = 0;
        foreach (var sp in info.GetSequencePoints())
        {
            if (sp.IsHidden)
                continue;
            if (sp.Offset > ilOffset && line != 0)
                break;
            file = Pdb.GetString(Pdb.GetDocument(sp.Document).Name);
            line = sp.StartLine;
        }
        return (file, line);
    }

    private sealed class AttrProvider(ProgramModel model) : ICustomAttributeTypeProvider<object?>
    {
        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode;
        public object? GetSystemType() => "System.Type";
        public object? GetSZArrayType(object? elementType) => elementType;
        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => model.Sigs.FullName(handle);
        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;
        public object? GetTypeFromSerializedName(string name) => name;
        public PrimitiveTypeCode GetUnderlyingEnumType(object? type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(object? type) => type as string == "System.Type";
    }
}
