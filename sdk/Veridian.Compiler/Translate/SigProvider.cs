using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Veridian.Compiler.Translate;

/// <summary>Decodes metadata signatures into <see cref="TypeSig"/>, substituting generic parameters.</summary>
public sealed class SigProvider : ISignatureTypeProvider<TypeSig, GenericContext>
{
    private readonly MetadataReader md;
    private readonly Dictionary<string, TypeDefinitionHandle> _byName = new(StringComparer.Ordinal);

    public SigProvider(MetadataReader reader)
    {
        md = reader;
        foreach (var h in md.TypeDefinitions)
            _byName.TryAdd(FullName(h), h);
    }

    /// <summary>The definition named <paramref name="fullName"/> (Namespace.Type or Outer/Inner).</summary>
    public TypeDefinitionHandle Find(string fullName) =>
        _byName.TryGetValue(fullName, out var h) ? h : throw new UnsupportedException($"core library type {fullName} is missing");

    public TypeSig GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.String => Named(Find("System.String"), []),
        PrimitiveTypeCode.Object => Named(Find("System.Object"), []),
        _ => PrimOf(typeCode),
    };

    private static TypeSig PrimOf(PrimitiveTypeCode typeCode) => new PrimSig(typeCode switch
    {
        PrimitiveTypeCode.Void => Translate.Prim.Void,
        PrimitiveTypeCode.Boolean => Translate.Prim.Bool,
        PrimitiveTypeCode.Char => Translate.Prim.Char,
        PrimitiveTypeCode.SByte => Translate.Prim.I1,
        PrimitiveTypeCode.Byte => Translate.Prim.U1,
        PrimitiveTypeCode.Int16 => Translate.Prim.I2,
        PrimitiveTypeCode.UInt16 => Translate.Prim.U2,
        PrimitiveTypeCode.Int32 => Translate.Prim.I4,
        PrimitiveTypeCode.UInt32 => Translate.Prim.U4,
        PrimitiveTypeCode.Int64 => Translate.Prim.I8,
        PrimitiveTypeCode.UInt64 => Translate.Prim.U8,
        PrimitiveTypeCode.Single => Translate.Prim.R4,
        PrimitiveTypeCode.Double => Translate.Prim.R8,
        PrimitiveTypeCode.IntPtr => Translate.Prim.I,
        PrimitiveTypeCode.UIntPtr => Translate.Prim.U,
        PrimitiveTypeCode.TypedReference => throw new UnsupportedException("TypedReference"),
        _ => throw new UnsupportedException($"primitive {typeCode}"),
    });

    /// <summary>
    /// The type a metadata token names. A token naming a primitive's struct (<c>sizeof native int</c>, <c>newarr System.IntPtr</c>,
    /// <c>ldobj System.Int64</c>) means the primitive, as an <c>ELEMENT_TYPE</c> in a signature does; C# emits such tokens for
    /// <c>sizeof(nint)</c>, <c>stackalloc nint[n]</c> and <c>new nuint[n]</c>.
    /// </summary>
    public TypeSig FromToken(TypeDefinitionHandle handle) => PrimitiveNamed(FullName(handle)) is { } p ? new PrimSig(p) : Named(handle, []);

    /// <summary>The primitive whose core-library struct is <paramref name="fullName"/>, or null.</summary>
    public static Prim? PrimitiveNamed(string fullName) => fullName switch
    {
        "System.Boolean" => Translate.Prim.Bool,
        "System.Char" => Translate.Prim.Char,
        "System.SByte" => Translate.Prim.I1,
        "System.Byte" => Translate.Prim.U1,
        "System.Int16" => Translate.Prim.I2,
        "System.UInt16" => Translate.Prim.U2,
        "System.Int32" => Translate.Prim.I4,
        "System.UInt32" => Translate.Prim.U4,
        "System.Int64" => Translate.Prim.I8,
        "System.UInt64" => Translate.Prim.U8,
        "System.Single" => Translate.Prim.R4,
        "System.Double" => Translate.Prim.R8,
        "System.IntPtr" => Translate.Prim.I,
        "System.UIntPtr" => Translate.Prim.U,
        _ => null,
    };

    public TypeSig GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Named(handle, []);

    public TypeSig GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var tr = md.GetTypeReference(handle);
        throw new UnsupportedException($"reference to external type {md.GetString(tr.Namespace)}.{md.GetString(tr.Name)}");
    }

    public TypeSig GetTypeFromSpecification(MetadataReader reader, GenericContext genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        md.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public TypeSig GetSZArrayType(TypeSig elementType) => new ArraySig(elementType);
    public TypeSig GetArrayType(TypeSig elementType, ArrayShape shape) => new ArraySig(elementType);
    public TypeSig GetByReferenceType(TypeSig elementType) => new ByRefSig(elementType);
    public TypeSig GetPointerType(TypeSig elementType) => new PointerSig(elementType);
    public TypeSig GetPinnedType(TypeSig elementType) => elementType;
    public TypeSig GetModifiedType(TypeSig modifier, TypeSig unmodifiedType, bool isRequired) => unmodifiedType;
    public TypeSig GetFunctionPointerType(MethodSignature<TypeSig> signature) => new FnPtrSig(signature);

    public TypeSig GetGenericInstantiation(TypeSig genericType, ImmutableArray<TypeSig> typeArguments) =>
        genericType is NamedSig n ? Named(n.Def, typeArguments) : throw new UnsupportedException("generic instantiation of a non-type");

    public TypeSig GetGenericMethodParameter(GenericContext genericContext, int index) =>
        genericContext.MethodArgs.IsDefault ? new GenericParamSig(index, true) : genericContext.MethodArgs[index];

    public TypeSig GetGenericTypeParameter(GenericContext genericContext, int index) =>
        genericContext.TypeArgs.IsDefault ? new GenericParamSig(index, false) : genericContext.TypeArgs[index];

    /// <summary>A type definition instance, named Namespace.Outer/Inner.</summary>
    public NamedSig Named(TypeDefinitionHandle handle, ImmutableArray<TypeSig> args)
    {
        var td = md.GetTypeDefinition(handle);
        return new NamedSig(handle, FullName(handle), args, IsValueType(td));
    }

    public string FullName(TypeDefinitionHandle handle)
    {
        var td = md.GetTypeDefinition(handle);
        var name = md.GetString(td.Name);
        if (td.GetDeclaringType() is { IsNil: false } outer)
            return FullName(outer) + "/" + name;
        var ns = md.GetString(td.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private bool IsValueType(TypeDefinition td)
    {
        var baseType = td.BaseType;
        if (baseType.IsNil || baseType.Kind != HandleKind.TypeDefinition)
            return false;
        var name = FullName((TypeDefinitionHandle)baseType);
        var self = md.GetString(td.Namespace) + "." + md.GetString(td.Name);
        return (name == "System.ValueType" && self != "System.Enum") || name == "System.Enum";
    }
}

/// <summary>A construct the translator does not implement; becomes VDN4100 at the IL offset's source line.</summary>
public sealed class UnsupportedException(string message) : Exception(message);
