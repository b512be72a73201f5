using System.Globalization;
using System.Numerics;

namespace Veridian.CsSoak.Generator;

/// <summary>
/// Generates a valid program of the C# subset (docs/csharp-subset.md) from a seed: structs (sequential,
/// packed, explicit, fixed buffers, a generic <c>Box&lt;T&gt;</c>), static classes with static constructors,
/// functions over every integer width, float and double, spans, pointers, function pointers (managed, and
/// <c>delegate* unmanaged</c> to C-ABI <c>[UnmanagedCallersOnly]</c> functions) and generic
/// helpers, and a <c>Main</c> that calls each function and prints a 64-bit checksum (<c>Chk</c>) of the
/// state after each call. Only defined behaviour is generated (docs/cs-soak.md says how), so CoreCLR and
/// our compiler must print the same bytes. Same seed and options, same text.
/// </summary>
public sealed partial class ProgramGenerator
{
    /// <summary>Bumped whenever the output for a seed changes (recorded in every program's header).</summary>
    public const int Version = 4;

    private readonly SplitMix64 _rng;
    private readonly GeneratorOptions _o;
    private readonly ulong _seed;
    private readonly List<StructDef> _structs = [];
    private StructDef? _box;
    private readonly List<CsType> _boxInstances = [];
    private readonly List<Var> _globals = [];
    private readonly List<string> _globalDecls = [];
    private readonly List<string> _classText = [];
    private readonly List<(string Name, CsType Elem, List<string> Values)> _data = [];
    private readonly List<FuncDef> _funcs = [];
    private readonly List<string> _funcText = [];
    private readonly SortedSet<string> _helpers = new(StringComparer.Ordinal);
    private readonly List<CsType> _hashed = [];

    private ProgramGenerator(ulong seed, GeneratorOptions options)
    {
        _seed = seed;
        _rng = new SplitMix64(seed ^ 0x5EED_C5C5_0000_0000UL);
        _o = options;
    }

    /// <summary>The program for <paramref name="seed"/> (one C# file; compile it with tests/csharp/shim/Out.cs).</summary>
    public static string Generate(ulong seed, GeneratorOptions? options = null) => new ProgramGenerator(seed, options ?? GeneratorOptions.Default).Run();

    private string Run()
    {
        MakeStructs();
        MakeStatics();
        MakeData();
        int n = _rng.Range(2, _o.MaxFunctions);
        for (int i = 0; i < n; i++)
            MakeFunction(i);
        var main = MakeMain();
        return Assemble(main);
    }

    // ---- types ----

    private IEnumerable<CsType> StructTypes => _structs.Select(s => new CsType(Prim.Struct, s)).Concat(_boxInstances);

    /// <summary>A random primitive value type (bool rarely).</summary>
    private CsType RandomPrim(bool allowBool = true)
    {
        if (allowBool && _rng.Chance(6))
            return CsType.Bool;
        return _rng.Pick(CsType.Numeric);
    }

    /// <summary>A random type for a variable or parameter: mostly primitives, sometimes a struct.</summary>
    private CsType RandomType(int structPercent = 25)
    {
        var structs = StructTypes.ToList();
        if (structs.Count > 0 && _rng.Chance(structPercent))
            return _rng.Pick(structs);
        return RandomPrim();
    }

    /// <summary>Element types for stackalloc, pointers and spans.</summary>
    private CsType RandomElement(bool allowStruct = true)
    {
        var structs = StructTypes.ToList();
        if (allowStruct && structs.Count > 0 && _rng.Chance(20))
            return _rng.Pick(structs);
        return RandomPrim();
    }

    /// <summary>
    /// A type an <c>[UnmanagedCallersOnly]</c> signature may use: blittable (no bool or char anywhere in it: C# rejects
    /// them there, CoreCLR's marshaller rejects structs holding them) and not generic. Often a struct.
    /// </summary>
    private CsType RandomBlittable()
    {
        var structs = _structs.Select(s => new CsType(Prim.Struct, s)).Where(IsBlittable).ToList();
        if (structs.Count > 0 && _rng.Chance(50))
            return _rng.Pick(structs);
        CsType t;
        do t = RandomPrim(false); while (!IsBlittable(t));
        return t;
    }

    private static bool IsBlittable(CsType t) => t.IsStruct
        ? t.Arg is null && t.Fields.All(f => IsBlittable(f.Type))
        : t != CsType.Bool && t != CsType.Char;

    private void MakeStructs()
    {
        int n = _rng.Range(0, _o.MaxStructs);
        for (int i = 0; i < n; i++)
        {
            var name = "S" + i.ToString(CultureInfo.InvariantCulture);
            StructDef def = _rng.Chance(25) ? MakeExplicit(name) : MakeSequential(name);
            _structs.Add(def);
        }
        if (_rng.Chance(40))
        {
            _box = new StructDef { Name = "Box", Layout = LayoutKind.Sequential, IsGeneric = true, Fields = [new Field("V", CsType.TypeParam), new Field("N", CsType.Int)] };
            int k = _rng.Range(1, 2);
            for (int i = 0; i < k; i++)
            {
                var arg = _structs.Count > 0 && _rng.Chance(30) ? new CsType(Prim.Struct, _rng.Pick(_structs)) : RandomPrim();
                var inst = new CsType(Prim.Struct, _box, arg);
                if (!_boxInstances.Contains(inst))
                    _boxInstances.Add(inst);
            }
        }
    }

    private StructDef MakeSequential(string name)
    {
        var fields = new List<Field>();
        int count = _rng.Range(1, 5);
        for (int f = 0; f < count; f++)
        {
            var fname = "f" + f.ToString(CultureInfo.InvariantCulture);
            if (_rng.Chance(15))
            {
                fields.Add(new Field(fname, _rng.Pick(CsType.FixedBufferElements), FixedLength: _rng.Pick([1, 2, 4, 8, 3])));
                continue;
            }
            if (_structs.Count > 0 && _rng.Chance(20))
            {
                fields.Add(new Field(fname, new CsType(Prim.Struct, _rng.Pick(_structs))));
                continue;
            }
            fields.Add(new Field(fname, RandomPrim()));
        }
        int pack = _rng.Chance(25) ? _rng.Pick([1, 2, 4, 8]) : 0;
        var def = new StructDef { Name = name, Layout = LayoutKind.Sequential, Pack = pack, Fields = fields };
        int prims = fields.TakeWhile(x => !x.Type.IsStruct && x.FixedLength == 0).Count();
        def.CtorArity = prims > 0 && _rng.Chance(50) ? _rng.Range(1, prims) : 0;
        def.HasMethods = _rng.Chance(50);
        return def;
    }

    /// <summary>
    /// Explicit layout: integer fields may overlap each other (a union); floating-point and bool fields get bytes
    /// of their own, because reading NaN bits or a non-0/1 bool through another field is not portable.
    /// </summary>
    private StructDef MakeExplicit(string name)
    {
        var fields = new List<Field>();
        int count = _rng.Range(2, 5);
        int end = 0;
        var exclusive = new List<(int From, int To)>();
        for (int f = 0; f < count; f++)
        {
            var t = RandomPrim();
            int offset;
            if (t.IsFloat || t == CsType.Bool)
            {
                offset = ProgramAlign(end, _rng.Chance(15) ? 1 : t.Size);
                exclusive.Add((offset, offset + t.Size));
            }
            else
            {
                // Overlap an earlier integer region, or start after everything so far.
                var candidates = Enumerable.Range(0, Math.Max(end, 1)).Where(o => !exclusive.Any(e => o < e.To && o + t.Size > e.From)).ToList();
                if (candidates.Count > 0 && _rng.Chance(60))
                {
                    var aligned = candidates.Where(o => o % t.Size == 0).ToList();
                    offset = aligned.Count > 0 && _rng.Chance(85) ? _rng.Pick(aligned) : _rng.Pick(candidates);
                }
                else
                {
                    offset = ProgramAlign(end, _rng.Chance(15) ? 1 : t.Size);
                }
            }
            end = Math.Max(end, offset + t.Size);
            fields.Add(new Field("f" + f.ToString(CultureInfo.InvariantCulture), t, offset));
        }
        // Size only as a multiple of the alignment: C (and our layout) rounds a size up to it, CoreCLR keeps an odd
        // Size exact (and CoreCLR 10 on x64 misreads a float at offset 8 of a Size = 15 struct), see docs/cs-soak.md.
        int align = fields.Max(f => f.Type.Size);
        int size = _rng.Chance(20) ? ProgramAlign(end + _rng.Range(0, 9), align) : 0;
        return new StructDef { Name = name, Layout = LayoutKind.Explicit, Size = size, Fields = fields, HasMethods = _rng.Chance(40) };
    }

    private static int ProgramAlign(int v, int a) => (v + a - 1) / a * a;

    // ---- static state ----

    private void MakeStatics()
    {
        int g = _rng.Range(1, _o.MaxGlobals);
        for (int i = 0; i < g; i++)
        {
            var t = RandomType(15);
            var name = "g" + i.ToString(CultureInfo.InvariantCulture);
            _globals.Add(new Var(name, VarKind.Global, t));
            _globalDecls.Add(t.IsStruct || _rng.Chance(30) ? $"static {t.Name} {name};" : $"static {t.Name} {name} = {ConstLiteral(t)};");
        }
        int c = _rng.Range(0, _o.MaxStaticClasses);
        for (int i = 0; i < c; i++)
        {
            var cname = "C" + i.ToString(CultureInfo.InvariantCulture);
            var w = new CodeWriter();
            w.Open($"static class {cname}");
            var ctor = new List<string>();
            int nf = _rng.Range(1, 4);
            for (int f = 0; f < nf; f++)
            {
                var t = RandomPrim();
                bool ro = _rng.Chance(40);
                var fname = "s" + f.ToString(CultureInfo.InvariantCulture);
                _globals.Add(new Var($"{cname}.{fname}", ro ? VarKind.ReadonlyStatic : VarKind.StaticField, t));
                // Static constructors only store constants into their own class: CoreCLR runs them lazily, ours at
                // start-up (docs/csharp-subset.md), which is the same as long as nothing else can observe the order.
                switch (_rng.Below(3))
                {
                    case 0: w.Line($"public static {(ro ? "readonly " : "")}{t.Name} {fname} = {ConstLiteral(t)};"); break;
                    case 1: w.Line($"public static {(ro ? "readonly " : "")}{t.Name} {fname};"); ctor.Add($"{fname} = {ConstLiteral(t)};"); break;
                    default: w.Line($"public static {(ro ? "readonly " : "")}{t.Name} {fname};"); break;
                }
            }
            if (ctor.Count > 0 || _rng.Chance(50))
            {
                w.Open($"static {cname}()");
                w.Open("unchecked");
                foreach (var line in ctor) w.Line(line);
                w.Close();
                w.Close();
            }
            w.Close();
            _classText.Add(w.ToString());
        }
    }

    private void MakeData()
    {
        int n = _rng.Range(0, 2);
        for (int i = 0; i < n; i++)
        {
            var elem = _rng.Pick([CsType.Byte, CsType.Byte, CsType.SByte, CsType.Short, CsType.UShort, CsType.Char, CsType.Int, CsType.UInt, CsType.Long, CsType.ULong, CsType.Float, CsType.Double, CsType.Bool]);
            int len = _rng.Pick([4, 8, 16, 5]);
            var values = Enumerable.Range(0, len).Select(_ => ConstLiteral(elem)).ToList();
            _data.Add(("D" + i.ToString(CultureInfo.InvariantCulture), elem, values));
        }
    }

    /// <summary>A literal usable in constant contexts (static data, static constructors, case labels).</summary>
    private string ConstLiteral(CsType t) => t.IsFloat ? FloatLiteral(t) : t == CsType.Bool ? (_rng.Chance(50) ? "true" : "false") : t.Literal(InterestingInt(t));

    // ---- literals ----

    private BigInteger InterestingInt(CsType t)
    {
        var (min, max) = t.Range;
        BigInteger v = _rng.Below(10) switch
        {
            0 => 0,
            1 => 1,
            2 => t.IsSigned ? -1 : max,
            3 => max,
            4 => min,
            5 => _rng.Chance(50) ? max - 1 : min + 1,
            6 => PowerOfTwo(t),
            7 or 8 => _rng.Range(-20, 40),
            9 when t.Bits >= 32 && _rng.Chance(50) => RoundingEdge(t),
            _ => RandomBits(t),
        };
        if (v < min || v > max)
            v = RandomBits(t);
        return v;
    }

    private BigInteger PowerOfTwo(CsType t)
    {
        var p = BigInteger.One << _rng.Below(t.Bits);
        return _rng.Chance(50) ? p - 1 : _rng.Chance(50) && t.IsSigned ? -p : p;
    }

    /// <summary>Integers whose conversion to float/double is a rounding tie or just past one (two set bits 24 or 53 apart, plus low bits).</summary>
    private BigInteger RoundingEdge(CsType t)
    {
        int width = t.Bits - (t.IsSigned ? 1 : 0);
        int gap = _rng.Chance(50) ? 24 : 53;
        if (width <= gap + 1) gap = 24;
        int hi = _rng.Range(gap + 1, width - 1);
        var v = (BigInteger.One << hi) | (BigInteger.One << (hi - gap)) | (_rng.Chance(50) ? BigInteger.One : BigInteger.Zero);
        return t.IsSigned && _rng.Chance(30) ? -v : v;
    }

    private BigInteger RandomBits(CsType t)
    {
        var raw = new BigInteger(_rng.Next()) & ((BigInteger.One << t.Bits) - 1);
        if (t.IsSigned && raw >= BigInteger.One << (t.Bits - 1))
            raw -= BigInteger.One << t.Bits;
        return raw;
    }

    private static readonly double[] s_doubles =
        [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 3.75, 100.0, 1e10, -1e10, 1e-10, 1e300, -1e300, 4.9e-324, 2147483647.0, 2147483648.0, -2147483649.0,
         4294967296.0, 9.2233720368547758E18, 1.8446744073709552E19, -9.2233720368547758E18, 127.5, 255.9, 65535.5, 1e20, 0.1, 16777217.0, 9007199254740993.0];

    private string FloatLiteral(CsType t)
    {
        double d;
        int pick = _rng.Below(10);
        if (pick < 6)
            d = _rng.Pick(s_doubles);
        else if (pick < 9)
            d = (_rng.Next() % 2_000_001) / 1000.0 - 1000.0;
        else
            return t == CsType.Float ? _rng.Pick(["(0.0f / 0.0f)", "(1.0f / 0.0f)", "(-1.0f / 0.0f)"]) : _rng.Pick(["(0.0 / 0.0)", "(1.0 / 0.0)", "(-1.0 / 0.0)"]);
        string s;
        if (t == CsType.Float)
        {
            var f = (float)d;
            if (float.IsInfinity(f))
                f = float.MaxValue;
            s = f.ToString("R", CultureInfo.InvariantCulture);
            if (!s.Contains('.') && !s.Contains('E')) s += ".0";
            s += "f";
        }
        else
        {
            s = d.ToString("R", CultureInfo.InvariantCulture);
            if (!s.Contains('.') && !s.Contains('E')) s += ".0";
        }
        return s.StartsWith('-') ? $"({s})" : s;
    }

    private string Lit(CsType t)
    {
        if (t.IsStruct)
            return $"default({t.Name})";
        return ConstLiteral(t);
    }
}
