using System.Text.RegularExpressions;

namespace Veridian.Tests;

/// <summary>
/// The headers and the C# definitions say the same thing. ABI facts are checked against glibc by the corpus
/// (tests/abi.c); what only relibc-cs defines — the errno values its C# code returns — is checked here, between the
/// two sources: every E.X of Errno.cs is errno.h's EX, and every errno.h value has a C# constant.
/// </summary>
public sealed partial class HeaderTests
{
    [GeneratedRegex(@"^#define (E[A-Z0-9]+) (\d+)$", RegexOptions.Multiline)]
    private static partial Regex HeaderDefine();

    [GeneratedRegex(@"\b([A-Z0-9]+) = (\d+)")]
    private static partial Regex CSharpConstant();

    [Fact]
    public void Errno_values_of_the_CSharp_code_and_of_errno_h_are_the_same_set()
    {
        var header = HeaderDefine().Matches(File.ReadAllText(Repo.PathOf("relibc-cs", "include", "errno.h")))
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
        var source = File.ReadAllText(Repo.PathOf("relibc-cs", "src", "Header", "Errno", "Errno.cs"));
        var table = source[source.IndexOf("public static class E", StringComparison.Ordinal)..];
        // C# names drop the E (E.NOENT); errno.h's E2BIG is E.TOOBIG (a C# name cannot start with a digit).
        var csharp = CSharpConstant().Matches(table)
            .ToDictionary(m => m.Groups[1].Value == "TOOBIG" ? "E2BIG" : "E" + m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
        Assert.NotEmpty(csharp);
        Assert.Equal(header.OrderBy(p => p.Key, StringComparer.Ordinal), csharp.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
