using CsCheck;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Triples.Tests;

/// <summary>Properties over generated triples: made of real components, aliases, typos and noise.</summary>
public sealed class TripleProperties
{
    private static readonly Lazy<IReadOnlyList<string>> s_inputs = new(() =>
    {
        var pcg = new PCG(1, Seed);
        var inputs = new string[Iterations];
        for (var i = 0; i < inputs.Length; i++)
            inputs[i] = s_triple!.Generate(pcg, null!, out _);
        return inputs;
    });

    /// <summary>Runs <paramref name="property"/> on every input, naming the input that breaks it.</summary>
    private static void ForAll(Action<string> property)
    {
        foreach (var input in s_inputs.Value)
        {
            try
            {
                property(input);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException { Message: var m } || !m.StartsWith("input ", StringComparison.Ordinal))
            {
                throw new Xunit.Sdk.XunitException($"input '{input}' breaks the property: {e.Message}");
            }
        }
    }

    // CsCheck's Sample continues with fresh random seeds after the given one, so the inputs are drawn here from a
    // fixed PCG stream instead: the suite stays deterministic. Change the seed to explore further.
    private const ulong Seed = 20261124;
    private const int Iterations = 20_000;

    private static readonly Gen<string> s_noise = Gen.String[Gen.Char["abcdeglnrsuvx0123456_-"], 0, 8];

    private static readonly Gen<string> s_arch = Gen.Frequency(
        (6, Gen.OneOfConst("x86_64", "aarch64", "riscv64", "amd64", "arm64", "riscv64gc")),
        (2, Gen.OneOfConst("x86-64", "aarch46", "riscv", "mips", "X86_64", "arm")),
        (1, s_noise));

    private static readonly Gen<string> s_vendor = Gen.OneOfConst("", "", "", "unknown-", "pc-", "acme-");

    private static readonly Gen<string> s_os = Gen.Frequency(
        (6, Gen.OneOfConst("veridian", "linux")),
        (1, Gen.OneOfConst("veridan", "linx", "windows", "none")),
        (1, s_noise));

    private static readonly Gen<string> s_component = Gen.Frequency(
        (6, Gen.OneOfConst("kernel", "user", "driver", "none", "relibc", "gnu")),
        (1, Gen.OneOfConst("kernal", "usr", "musl", "relib", "")),
        (1, s_noise));

    /// <summary>Strings shaped like triples (most parse), plus pure noise.</summary>
    private static readonly Gen<string> s_triple = Gen.Frequency(
        (8, Gen.Select(s_arch, s_vendor, s_os, s_component.Array[0, 3],
            (arch, vendor, os, rest) => string.Join('-', new[] { arch, vendor + os }.Concat(rest)))),
        (1, s_noise),
        (1, Gen.String[Gen.Char["x86_64-veridian-userkrnlbc"], 0, 40]));

    [Fact]
    public void Normalise_is_idempotent_and_canonical_spellings_parse_to_themselves()
    {
        ForAll(text =>
        {
            if (!Triple.TryParse(text, out var triple, out _))
                return;
            var once = Triple.Normalize(text);
            Assert.Equal(once, triple.Canonical);
            Assert.Equal(once, Triple.Normalize(once));
            var reparsed = Triple.Parse(once);
            Assert.True(reparsed.IsCanonical);
            Assert.Empty(reparsed.Rewrites);
            Assert.Equal(triple, reparsed);
        });
    }

    [Fact]
    public void Show_then_parse_round_trips_to_the_same_target()
    {
        ForAll(text =>
        {
            if (!Triple.TryParse(text, out var triple, out _) || TargetDatabase.Find(triple) is not { } target)
                return;
            // What `veridian targets show` prints first is the canonical triple; parsing it gives the same target.
            var shown = target.Facts("/sysroot")[0];
            Assert.Equal("triple", shown.Name);
            Assert.Same(target, TargetDatabase.Resolve(shown.Value));
            Assert.Same(target, TargetDatabase.Resolve(triple.Original));
            Assert.Equal(triple, target.Triple);
        });
    }

    [Fact]
    public void Any_string_either_parses_or_reports_exactly_one_triple_code()
    {
        var codes = typeof(TripleCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        ForAll(text =>
        {
            if (Triple.TryParse(text, out _, out var bag))
            {
                Assert.Empty(bag);
                return;
            }
            var d = Assert.Single(bag);
            Assert.Contains(d.Code, codes);
            Assert.Equal(Severity.Error, d.Severity);
            Assert.False(string.IsNullOrEmpty(d.Hint));
        });
    }

    [Fact]
    public void The_generator_reaches_every_target_and_every_code()
    {
        // Guards the properties above against a generator that never produces interesting inputs.
        var targets = new HashSet<string>();
        var codes = new HashSet<string>();
        ForAll(text =>
        {
            if (Triple.TryParse(text, out var triple, out var bag))
            {
                if (TargetDatabase.Find(triple) is { } t)
                    targets.Add(t.Canonical);
            }
            else
            {
                codes.Add(bag[0].Code);
            }
        });
        Assert.Equal(TargetDatabase.All.Count, targets.Count);
        Assert.Superset(new HashSet<string>
        {
            TripleCodes.UnknownArch, TripleCodes.WrongComponentCount, TripleCodes.UnknownOs, TripleCodes.UnknownSubsystem,
            TripleCodes.UnknownAbi, TripleCodes.AbiDoesNotFitSubsystem, TripleCodes.EmptyComponent,
        }, codes);
    }
}
