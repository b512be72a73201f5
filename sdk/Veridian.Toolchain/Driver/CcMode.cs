namespace Veridian.Toolchain.Driver;

/// <summary>How far the driver goes (the last of <c>-E</c>, <c>-S</c>, <c>-c</c> wins as in clang; none means link).</summary>
public enum CcMode
{
    Link,
    Compile,
    Assemble,
    Preprocess,
    /// <summary>An informational query (<c>--version</c>, <c>-dumpmachine</c>, <c>-print-*</c>) answered by or through clang.</summary>
    Query,
}
