using System.Globalization;

namespace Veridian.CsSoak.Generator;

public sealed partial class ProgramGenerator
{
    /// <summary>
    /// The checksum harness. The reducer never edits this class (Reducer.ProtectedClass): it canonicalises NaN
    /// before hashing floating-point bits, and NaN payloads and signs differ between x86_64, AArch64 and RISC-V.
    /// </summary>
    public const string HarnessClass = "Chk";

    private const string Harness = """
        static unsafe class Chk
        {
            public static ulong S = 14695981039346656037UL;
            public static void H(ulong v) { S = (S ^ v) * 1099511628211UL; S ^= S >> 29; }
            public static void B(bool v) => H(v ? 1UL : 0UL);
            public static void F(float v) { if (v != v) H(0x7FC00000UL); else H(*(uint*)&v); }
            public static void D(double v) { if (v != v) H(0x7FF8000000000000UL); else H(*(ulong*)&v); }
            public static void Print(ReadOnlySpan<byte> label) { Out.Str(label); Out.Str(" "u8); Out.UInt(S); Out.Line(); }
        }
        """;

    private string MakeMain()
    {
        ResetFunctionState(null);
        _w.Open("static int Main()");
        _w.Open("unchecked");
        foreach (var f in _funcs)
        {
            _w.Open("");
            PushScope();
            var args = new List<string>();
            var after = new List<(string Name, CsType Type, bool Span)>();
            foreach (var p in f.Params)
            {
                switch (p.Mode)
                {
                    case ParamMode.Value or ParamMode.In:
                        args.Add(E(p.Type, 2));
                        break;
                    case ParamMode.Ref:
                        {
                            var a = NewName("a");
                            _w.Line($"{p.Type.Name} {a} = {E(p.Type, 2)};");
                            args.Add("ref " + a);
                            after.Add((a, p.Type, false));
                            break;
                        }
                    case ParamMode.Out:
                        {
                            var a = NewName("a");
                            _w.Line($"{p.Type.Name} {a};");
                            args.Add("out " + a);
                            after.Add((a, p.Type, false));
                            break;
                        }
                    case ParamMode.Span:
                        {
                            var a = NewName("a");
                            int n = _rng.Pick([1, 2, 4, 8, 3, 16]);
                            _w.Line($"Span<{p.Type.Name}> {a} = stackalloc {p.Type.Name}[{n}];");
                            _w.Line($"{a}.Fill({E(p.Type, 2)});");
                            _w.Line($"{a}[{_rng.Below(n)}] = {E(p.Type, 2)};");
                            args.Add(a);
                            after.Add((a, p.Type, true));
                            break;
                        }
                }
            }
            var callee = f.Name;
            if (f.Unmanaged)
            {
                callee = NewName("u");
                _w.Line($"{f.FnPtrType} {callee} = &{f.Name};");
            }
            var call = $"{callee}({string.Join(", ", args)})";
            if (f.Ret is null)
                _w.Line(call + ";");
            else
                _w.Line(Hash(call, f.Ret));
            foreach (var (name, type, span) in after)
            {
                if (span)
                {
                    var i = NewName("h");
                    _w.Line($"for (int {i} = 0; {i} < {name}.Length; {i}++) {Hash($"{name}[{i}]", type)}");
                }
                else
                {
                    _w.Line(Hash(name, type));
                }
            }
            PopScope();
            _w.Close();
            _w.Line($"Chk.Print(\"{f.Name}\"u8);");
        }
        foreach (var g in _globals)
            _w.Line(Hash(g.Name, g.Type));
        _w.Line("Chk.Print(\"end\"u8);");
        _w.Line("return (int)(Chk.S % 101);");
        _w.Close();
        _w.Close();
        return _w.ToString();
    }

    private string Assemble(string main)
    {
        var w = new CodeWriter();
        w.Line($"// cs-soak program: seed {_seed.ToString(CultureInfo.InvariantCulture)}, generator v{Version} (docs/cs-soak.md); compile it with tests/csharp/shim/Out.cs.");
        w.Line("using System;");
        w.Line("using System.Runtime.InteropServices;");
        w.Line("using System.Threading;");
        w.Line();
        foreach (var s in _structs)
            WriteStruct(w, s);
        if (_box is not null)
        {
            w.Line("struct Box<T> where T : unmanaged { public T V; public int N; }");
            w.Line();
        }
        foreach (var c in _classText)
        {
            foreach (var line in c.TrimEnd('\n').Split('\n'))
                w.Line(line);
            w.Line();
        }
        foreach (var line in Harness.Split('\n'))
            w.Line(line);
        w.Line();
        w.Open("static unsafe class Program");
        foreach (var g in _globalDecls)
            w.Line(g);
        foreach (var (name, elem, values) in _data)
            w.Line(_rng.Chance(50) || elem == CsType.Bool
                ? $"static ReadOnlySpan<{elem.Name}> {name} => [{string.Join(", ", values)}];"
                : $"static ReadOnlySpan<{elem.Name}> {name} => new {elem.Name}[] {{ {string.Join(", ", values)} }};");
        w.Line();
        foreach (var h in _helpers)
            w.Line(HelperText(h));
        if (_helpers.Count > 0)
            w.Line();
        // Hashers may need hashers of nested struct types: close over them first.
        for (int i = 0; i < _hashed.Count; i++)
            foreach (var f in _hashed[i].Fields)
                if (f.Type.IsStruct && f.FixedLength == 0 && !_hashed.Contains(f.Type))
                    _hashed.Add(f.Type);
        foreach (var t in _hashed)
        {
            w.Open($"static void {HasherName(t)}({t.Name} v)");
            foreach (var f in t.Fields)
            {
                if (f.FixedLength > 0)
                    w.Line($"for (int i = 0; i < {f.FixedLength}; i++) {Hash($"v.{f.Name}[i]", f.Type)}");
                else
                    w.Line(Hash($"v.{f.Name}", f.Type));
            }
            w.Close();
            w.Line();
        }
        foreach (var f in _funcText)
        {
            foreach (var line in f.TrimEnd('\n').Split('\n'))
                w.Line(line.Length >= 4 ? line[4..] : line.TrimStart());
            w.Line();
        }
        foreach (var line in main.TrimEnd('\n').Split('\n'))
            w.Line(line.Length >= 4 ? line[4..] : line.TrimStart());
        w.Close();
        return w.ToString();
    }

    private static void WriteStruct(CodeWriter w, StructDef s)
    {
        if (s.Layout == LayoutKind.Explicit)
            w.Line(s.Size > 0 ? $"[StructLayout(LayoutKind.Explicit, Size = {s.Size})]" : "[StructLayout(LayoutKind.Explicit)]");
        else if (s.Pack > 0)
            w.Line($"[StructLayout(LayoutKind.Sequential, Pack = {s.Pack})]");
        w.Open($"{(s.HasFixedBuffer ? "unsafe " : "")}struct {s.Name}");
        foreach (var f in s.Fields)
        {
            if (f.FixedLength > 0)
                w.Line($"public fixed {f.Type.Name} {f.Name}[{f.FixedLength}];");
            else if (s.Layout == LayoutKind.Explicit)
                w.Line($"[FieldOffset({f.Offset})] public {f.Type.Name} {f.Name};");
            else
                w.Line($"public {f.Type.Name} {f.Name};");
        }
        if (s.CtorArity > 0)
        {
            var ps = s.Fields.Take(s.CtorArity).ToList();
            w.Open($"public {s.Name}({string.Join(", ", ps.Select((f, i) => $"{f.Type.Name} a{i}"))})");
            for (int i = 0; i < ps.Count; i++)
                w.Line($"{ps[i].Name} = a{i};");
            w.Close();
        }
        if (s.HasMethods)
        {
            // Sum reads every field; Bump changes every field (through `this`, by reference).
            w.Open($"public {(s.HasFixedBuffer ? "" : "readonly ")}long Sum()");
            w.Open("unchecked");
            w.Line("long r = 0;");
            foreach (var f in s.Fields)
            {
                if (f.FixedLength > 0)
                    w.Line($"for (int i = 0; i < {f.FixedLength}; i++) r = r * 31 + {AsLong($"{f.Name}[i]", f.Type)};");
                else if (f.Type.IsStruct)
                {
                    if (f.Type.S!.HasMethods && f.Type.Arg is null)
                        w.Line($"r = r * 31 + {f.Name}.Sum();");
                }
                else
                    w.Line($"r = r * 31 + {AsLong(f.Name, f.Type)};");
            }
            w.Line("return r;");
            w.Close();
            w.Close();
            w.Open("public void Bump(int k)");
            w.Open("unchecked");
            foreach (var f in s.Fields)
            {
                var target = f.FixedLength > 0 ? $"{f.Name}[(int)((uint)k % {f.FixedLength}u)]" : f.Name;
                if (f.Type.IsStruct)
                {
                    if (f.Type.S!.HasMethods && f.Type.Arg is null)
                        w.Line($"{f.Name}.Bump(k + 1);");
                }
                else if (f.Type == CsType.Bool)
                    w.Line($"{target} ^= (k & 1) != 0;");
                else if (f.Type.IsFloat)
                    w.Line($"{target} += k;");
                else
                    w.Line($"{target} += ({f.Type.Name})k;");
            }
            w.Close();
            w.Close();
        }
        w.Close();
        w.Line();
    }

    private static string AsLong(string e, CsType t) => t == CsType.Bool ? $"({e} ? 1L : 0L)" : $"(long){e}";

    private static string HelperText(string name)
    {
        switch (name)
        {
            case "Pick": return "static T Pick<T>(bool c, T a, T b) where T : unmanaged => c ? a : b;";
            case "Id": return "static T Id<T>(T x) where T : unmanaged { T y = x; return y; }";
            case "Swap": return "static void Swap<T>(ref T a, ref T b) where T : unmanaged { T t = a; a = b; b = t; }";
            case "SizeOf": return "static int SizeOf<T>() where T : unmanaged => sizeof(T);";
            case "Apply": return "static T Apply<T>(delegate*<T, T, T> f, T a, T b) where T : unmanaged => f(a, b);";
            case "At": return "static T At<T>(Span<T> s, int i) where T : unmanaged => s[(int)((uint)i % (uint)s.Length)];";
        }
        // Div_int, Rem_ulong, ...: guarded against division by zero and MinValue / -1.
        var op = name.StartsWith("Div_", StringComparison.Ordinal) ? "/" : "%";
        var t = name[4..];
        var min = t switch { "int" => "int.MinValue", "long" => "long.MinValue", "nint" => "(nint)long.MinValue", _ => null };
        var guard = min is null ? "b == 0" : $"b == 0 || (b == -1 && a == {min})";
        return $"static {t} {name}({t} a, {t} b) => {guard} ? a : a {op} b;";
    }
}
