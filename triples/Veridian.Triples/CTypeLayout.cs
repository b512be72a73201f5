namespace Veridian.Triples;

/// <summary>Sizes and alignments of C types in bytes, and signedness of <c>char</c>/<c>wchar_t</c> (what clang's <c>__SIZEOF_*__</c> macros report).</summary>
public sealed record CTypeLayout
{
    public required bool CharSigned { get; init; }
    public required int Short { get; init; }
    public required int Int { get; init; }
    public required int Long { get; init; }
    public required int LongLong { get; init; }
    public required int Pointer { get; init; }
    public required int SizeT { get; init; }
    public required int WcharT { get; init; }
    public required bool WcharSigned { get; init; }
    public required int Float { get; init; }
    public required int Double { get; init; }

    /// <summary><c>sizeof(long double)</c>: 16 everywhere here, but x86_64 stores 80-bit x87 values in it.</summary>
    public required int LongDouble { get; init; }

    /// <summary>Mantissa bits of <c>long double</c> (<c>__LDBL_MANT_DIG__</c>): 64 for x87 extended, 113 for IEEE binary128.</summary>
    public required int LongDoubleMantissaBits { get; init; }

    /// <summary>Whether <c>__int128</c> exists.</summary>
    public required bool HasInt128 { get; init; }

    /// <summary><c>__BIGGEST_ALIGNMENT__</c>.</summary>
    public required int MaxAlign { get; init; }
}
