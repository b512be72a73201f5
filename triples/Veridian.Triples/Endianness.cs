namespace Veridian.Triples;

/// <summary>Byte order.</summary>
public enum Endianness
{
    Little,
    Big,
}
