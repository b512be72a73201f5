namespace Veridian.Compiler.Translate;

/// <summary>The kinds of values on the IL evaluation stack, as LLVM sees them.</summary>
public enum VK { I32, I64, Ptr, F32, F64, Struct }

/// <summary>A stack value: an LLVM operand, its kind, and for structs the type (the operand is then the address of a private copy).</summary>
public sealed record SV(string V, VK K, TypeSig? T = null);

/// <summary>Mapping between CLI types, LLVM types and stack kinds.</summary>
public static class Ty
{
    public static string Llvm(VK k) => k switch
    {
        VK.I32 => "i32",
        VK.I64 => "i64",
        VK.Ptr => "ptr",
        VK.F32 => "float",
        VK.F64 => "double",
        VK.Struct => "ptr",
    };
}
