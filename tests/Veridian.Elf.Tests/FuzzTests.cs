using System.Buffers.Binary;
using CsCheck;
using Xunit.Abstractions;
using Veridian.Diagnostics;

namespace Veridian.Elf.Tests;

/// <summary>
/// Mutation fuzzing of real binaries (the fixtures) with CsCheck: bit flips, interesting values written over header
/// and table fields, truncations and splices. The reader must never throw anything but <see cref="DiagnosticException"/>
/// (from Read) and never hang. The suite runs it for <see cref="DefaultSeconds"/>; <c>scripts/fuzz-elf [seconds]</c>
/// runs it longer (VERIDIAN_FUZZ_SECONDS).
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    public const int DefaultSeconds = 20;

    private static readonly ulong[] s_interesting =
    [
        0, 1, 2, 3, 4, 7, 8, 0x10, 0x18, 0x38, 0x40, 0x7f, 0x80, 0xff, 0x100, 0xfff0, 0xfeff, 0xff00, 0xffff, 0x1_0000,
        0x7fff_ffff, 0x8000_0000, 0xffff_fffe, 0xffff_ffff, 0x1_0000_0000, 0x7fff_ffff_ffff_ffff, 0x8000_0000_0000_0000,
        ulong.MaxValue - 63, ulong.MaxValue,
    ];

    /// <summary>One mutation: kind 0 bit flip, 1 interesting value (1/2/4/8 bytes), 2 random byte, 3 truncate, 4 copy a block.</summary>
    public readonly record struct Mutation(int Kind, double Where, int Size, int Value, double From);

    private static readonly Gen<Mutation> s_mutation =
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.OneOfConst(1, 2, 4, 8), Gen.Int[0, int.MaxValue], Gen.Double[0, 1],
            (k, w, s, v, f) => new Mutation(k, w, s, v, f));

    private static readonly Lazy<byte[][]> s_seeds = new(() => Fixtures.AllNames.Select(Fixtures.Bytes).ToArray());

    /// <summary>Mutations land on structure more often than not: the headers, the section header table, or anywhere.</summary>
    internal static byte[] Mutate(byte[] seed, IReadOnlyList<Mutation> mutations)
    {
        var b = (byte[])seed.Clone();
        var length = b.Length;
        var shoff = length >= 64 ? (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(40)), (ulong)length) : 0;
        foreach (var m in mutations)
        {
            if (length == 0)
                break;
            var region = m.Value % 3;
            var pos = region switch
            {
                0 => (int)(m.Where * Math.Min(length, 128)),
                1 when shoff > 0 && shoff < length => (int)(shoff + m.Where * (length - shoff)),
                _ => (int)(m.Where * length),
            };
            pos = Math.Clamp(pos, 0, length - 1);
            switch (m.Kind)
            {
                case 0:
                    b[pos] ^= (byte)(1 << (m.Value % 8));
                    break;
                case 1:
                    var value = s_interesting[m.Value % s_interesting.Length];
                    var size = Math.Min(m.Size, length - pos);
                    for (var i = 0; i < size; i++)
                        b[pos + i] = (byte)(value >> (8 * i));
                    break;
                case 2:
                    b[pos] = (byte)m.Value;
                    break;
                case 3:
                    length = Math.Max(pos, 1);
                    break;
                default:
                    var from = (int)(m.From * length);
                    var count = Math.Min(m.Value % 64 + 1, Math.Min(length - from, length - pos));
                    if (count > 0)
                        Array.Copy(b, from, b, pos, count);
                    break;
            }
        }
        return b[..length];
    }

    /// <summary>Reads the bytes every way the API allows and touches every member; only DiagnosticException may escape Read.</summary>
    internal static void ReadEveryWay(byte[] bytes)
    {
        ElfFile.TryRead(bytes, out var lazy, out _, "fuzz.elf");
        if (lazy is not null)
            Exercise.All(lazy);
        ElfFile.TryRead(bytes, out var eager, out _, "fuzz.elf", ElfReadMode.Eager);
        if (eager is not null)
            Exercise.All(eager);
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            ElfFile.TryRead(stream, out var streamed, out _, "fuzz.elf");
            if (streamed is not null)
                Exercise.All(streamed);
        }
        try
        {
            Exercise.All(ElfFile.Read(bytes, "fuzz.elf", ElfReadMode.Eager));
        }
        catch (DiagnosticException e)
        {
            Assert.All(e.Diagnostics, d => Assert.StartsWith("VDN5", d.Code));
        }
    }

    [Fact]
    public async Task Mutated_real_binaries_never_crash_or_hang_the_reader()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("VERIDIAN_FUZZ_SECONDS"), out var s) && s > 0 ? s : DefaultSeconds;
        var seeds = s_seeds.Value;
        var gen = Gen.Select(Gen.Int[0, seeds.Length - 1], s_mutation.Array[1, 8], (i, m) => (Seed: i, Mutations: m));
        long iterations = 0;
        var run = Task.Run(() => gen.Sample(input =>
        {
            Interlocked.Increment(ref iterations);
            ReadEveryWay(Mutate(seeds[input.Seed], input.Mutations));
        }, time: seconds, threads: 1, print: input => $"seed {Fixtures.AllNames.ElementAt(input.Seed)}, mutations [{string.Join(", ", input.Mutations)}]"));
        // A hang (an unbounded loop) shows as the sample not finishing long after its budget.
        var limit = TimeSpan.FromSeconds(seconds * 3 + 60);
        var first = await Task.WhenAny(run, Task.Delay(limit));
        Assert.True(first == run, $"the fuzz run did not finish within {limit.TotalSeconds} s: the reader hangs on some input");
        await run; // rethrows the shrunk failing input, if any
        output.WriteLine($"{iterations} mutated inputs in {seconds} s, no crash, no hang");
        Assert.True(Interlocked.Read(ref iterations) > 100, $"only {iterations} inputs were tried");
    }
}
