using System.Globalization;
using System.Numerics;

namespace Veridian.CsSoak.Generator;

public sealed partial class ProgramGenerator
{
    private static readonly string[] s_intOps = ["+", "-", "*", "&", "|", "^"];
    private static readonly string[] s_floatOps = ["+", "-", "*", "/", "%"];
    private static readonly string[] s_shiftOps = ["<<", ">>", ">>>"];
    private static readonly string[] s_compareOps = ["<", "<=", ">", ">=", "==", "!="];

    /// <summary>An expression of exactly type <paramref name="t"/>, at most <paramref name="d"/> levels deep.</summary>
    private string E(CsType t, int d)
    {
        _cost += _mult;
        if (d <= 0 || _rng.Chance(18))
            return Leaf(t, d);
        if (t.IsStruct) return StructExpr(t, d);
        if (t == CsType.Bool) return BoolExpr(d);
        if (t.IsFloat) return FloatExpr(t, d);
        if (t.IsSmall) return SmallExpr(t, d);
        return IntExpr(t, d);
    }

    private string Leaf(CsType t, int d)
    {
        if (_rng.Chance(65) && ReadPlace(t, Math.Min(d, 1)) is { } p)
            return p;
        return Lit(t);
    }

    private string IntExpr(CsType t, int d)
    {
        int e = d - 1;
        switch (_rng.Weighted([30, 8, 8, 6, 12, 5, 6, 8, 10]))
        {
            case 0: return $"({E(t, e)} {_rng.Pick(s_intOps)} {E(t, e)})";
            case 1: return Divide(t, e, _rng.Chance(50) ? "/" : "%");
            case 2: return $"({E(t, e)} {_rng.Pick(s_shiftOps)} {ShiftCount(e)})";
            case 3: return t.IsSigned && _rng.Chance(50) ? $"(-{E(t, e)})" : $"(~{E(t, e)})";
            case 4: return Convert(t, e);
            case 5: return Checked(t, e);
            case 6: return $"({E(CsType.Bool, e)} ? {E(t, e)} : {E(t, e)})";
            case 7: return CallExpr(t, e) ?? Leaf(t, e);
            default: return Special(t, e) ?? Leaf(t, e);
        }
    }

    /// <summary>sbyte, byte, short, ushort, char: C# computes in int, so every operation is cast back.</summary>
    private string SmallExpr(CsType t, int d)
    {
        int e = d - 1;
        switch (_rng.Weighted([25, 5, 6, 5, 14, 4, 6, 6, 8]))
        {
            case 0: return $"unchecked(({t.Name})({E(t, e)} {_rng.Pick(s_intOps)} {E(t, e)}))";
            case 1: return $"unchecked(({t.Name}){Divide(CsType.Int, e, _rng.Chance(50) ? "/" : "%", E(t, e))})";
            case 2: return $"unchecked(({t.Name})({E(t, e)} {_rng.Pick(s_shiftOps)} {ShiftCount(e)}))";
            case 3: return $"unchecked(({t.Name})({(_rng.Chance(50) ? "-" : "~")}{E(t, e)}))";
            case 4: return Convert(t, e);
            case 5: return Checked(t, e);
            case 6: return $"({E(CsType.Bool, e)} ? {E(t, e)} : {E(t, e)})";
            case 7: return CallExpr(t, e) ?? Leaf(t, e);
            default: return Special(t, e) ?? Leaf(t, e);
        }
    }

    private string FloatExpr(CsType t, int d)
    {
        int e = d - 1;
        switch (_rng.Weighted([30, 6, 16, 8, 6, 6, 6]))
        {
            case 0: return $"({E(t, e)} {_rng.Pick(s_floatOps)} {E(t, e)})";
            case 1: return $"(-{E(t, e)})";
            case 2: return Convert(t, e);
            case 3:
                {
                    var m = $"Math.{_rng.Pick(["Sqrt", "Floor", "Ceiling", "Abs"])}({E(CsType.Double, e)})";
                    return t == CsType.Float ? $"((float){m})" : m;
                }
            case 4: return $"({E(CsType.Bool, e)} ? {E(t, e)} : {E(t, e)})";
            case 5: return CallExpr(t, e) ?? Leaf(t, e);
            default: return Special(t, e) ?? Leaf(t, e);
        }
    }

    private string BoolExpr(int d)
    {
        int e = d - 1;
        switch (_rng.Weighted([30, 6, 12, 6, 6, 5, 6]))
        {
            case 0:
                {
                    var u = _rng.Pick(CsType.Numeric);
                    return $"({E(u, e)} {_rng.Pick(s_compareOps)} {E(u, e)})";
                }
            case 1: return $"(!{E(CsType.Bool, e)})";
            case 2: return $"({E(CsType.Bool, e)} {_rng.Pick(["&&", "||", "^", "&", "|", "==", "!="])} {E(CsType.Bool, e)})";
            case 3:
                {
                    var u = _rng.Pick([CsType.Int, CsType.Long, CsType.UInt, CsType.Byte, CsType.SByte, CsType.Short]);
                    var a = InterestingInt(u);
                    var b = InterestingInt(u);
                    if (a > b) (a, b) = (b, a);
                    return _rng.Chance(50)
                        ? $"({E(u, e)} is >= {PatternConst(u, a)} and <= {PatternConst(u, b)})"
                        : $"({E(u, e)} is {PatternConst(u, a)} or > {PatternConst(u, b)})";
                }
            case 4: return CallExpr(CsType.Bool, e) ?? Leaf(CsType.Bool, e);
            case 5:
                if (StringVars() is { Count: > 0 } strings && _rng.Chance(50))
                    return $"({_rng.Pick(strings).Name} {(_rng.Chance(50) ? "==" : "!=")} {StringExpr(e)})";
                return $"Pick<bool>({E(CsType.Bool, e)}, {E(CsType.Bool, e)}, {E(CsType.Bool, e)})".Also(() => _helpers.Add("Pick"));
            default: return ReadPlace(CsType.Bool, e) ?? Lit(CsType.Bool);
        }
    }

    /// <summary>A constant for a pattern or case label over <paramref name="t"/> (char needs a cast; others convert implicitly).</summary>
    private static string PatternConst(CsType t, BigInteger v) => t.P switch
    {
        Prim.Char => $"(char){v}",
        Prim.Long when v == t.Range.Min => "long.MinValue",
        Prim.Int when v == t.Range.Min => "int.MinValue",
        _ => v.ToString(CultureInfo.InvariantCulture),
    };

    private string StructExpr(CsType t, int d)
    {
        int e = d - 1;
        var def = t.S!;
        switch (_rng.Weighted([30, 8, def.CtorArity > 0 || t.Arg is not null ? 14 : 0, 10, 6, 6]))
        {
            case 0: return ReadPlace(t, e) ?? $"default({t.Name})";
            case 1: return _rng.Chance(50) ? $"default({t.Name})" : $"new {t.Name}()";
            case 2:
                if (t.Arg is not null)
                    return $"new {t.Name} {{ V = {E(t.Arg, e)}, N = {E(CsType.Int, e)} }}";
                return $"new {t.Name}({string.Join(", ", def.Fields.Take(def.CtorArity).Select(f => E(f.Type, e)))})";
            case 3: return CallExpr(t, e) ?? Leaf(t, e);
            case 4:
                _helpers.Add("Pick");
                return $"Pick<{t.Name}>({E(CsType.Bool, e)}, {E(t, e)}, {E(t, e)})";
            default:
                _helpers.Add("Id");
                return $"Id<{t.Name}>({E(t, e)})";
        }
    }

    /// <summary>A conversion from another numeric type (unchecked: wraps; from floating point: saturates, as .NET 9+).</summary>
    private string Convert(CsType t, int e)
    {
        CsType u;
        do u = _rng.Pick(CsType.Numeric); while (u == t);
        return $"unchecked(({t.Name})({E(u, e)}))";
    }

    /// <summary>
    /// <c>checked</c> only where it cannot overflow: the operands are masked into range first. They are
    /// <c>unchecked(…)</c> inside, or the checked context would reach every operation (and constant) in them.
    /// </summary>
    private string Checked(CsType t, int e)
    {
        if (_rng.Chance(25))
            return CheckedFromFloat(t, e);
        if (t.IsSmall || _rng.Chance(50))
        {
            if (_rng.Chance(30))
                return $"checked(({t.Name})((double)unchecked({E(CsType.Int, e)} & 0x7F) + 0.5))";
            CsType u;
            do u = _rng.Pick(CsType.Numeric); while (!u.IsInteger);
            int bits = Math.Min(t.Bits - (t.IsSigned ? 1 : 0), u.Bits - (u.IsSigned ? 1 : 0));
            var mask = (BigInteger.One << _rng.Range(1, Math.Min(bits, 31))) - 1;
            return $"checked(({t.Name})unchecked({E(u, e)} & {mask}))";
        }
        var op = _rng.Pick(["+", "-", "*"]);
        var m = op == "*" ? "0xFF" : "0x7FFF";
        if (op == "-" && !t.IsSigned)
            return $"checked(unchecked(({E(t, e)} & {m}) | 0x8000) - unchecked({E(t, e)} & {m}))";
        return $"checked(unchecked({E(t, e)} & {m}) {op} unchecked({E(t, e)} & {m}))";
    }

    /// <summary>
    /// A checked conversion from float or double that cannot overflow, the ends of the range included: a value of
    /// <paramref name="t"/> made exact in the floating-point type (low bits cleared where it has more bits than the
    /// significand), plus a fraction in (-1, 1) only where the sum is exact too; it truncates back into range.
    /// </summary>
    private string CheckedFromFloat(CsType t, int e)
    {
        var f = t.Bits <= 16 ? _rng.Pick([CsType.Float, CsType.Double]) : _rng.Chance(60) ? CsType.Double : CsType.Float;
        int significand = f == CsType.Float ? 24 : 53;
        int valueBits = t.Bits - (t.IsSigned ? 1 : 0);
        var x = E(t, e);
        if (valueBits > significand)
        {
            var low = BigInteger.One << (valueBits - significand);
            var mask = t.IsSigned ? -low : (BigInteger.One << t.Bits) - low;
            return $"checked(({t.Name})({f.Name})unchecked({x} & {t.Literal(mask)}))";
        }
        if (valueBits + 2 <= significand && _rng.Chance(70))
        {
            var frac = _rng.Pick(["0.5", "-0.5", "0.75", "-0.75", "0.25", "-0.25"]) + (f == CsType.Float ? "f" : "");
            return $"checked(({t.Name})(({f.Name})unchecked({x}) + {(frac.StartsWith('-') ? $"({frac})" : frac)}))";
        }
        return $"checked(({t.Name})({f.Name})unchecked({x}))";
    }

    private string ShiftCount(int e) => _rng.Chance(40) ? _rng.Range(0, 70).ToString(CultureInfo.InvariantCulture) : E(CsType.Int, e);

    /// <summary>
    /// Division or remainder that can neither divide by zero nor overflow (MinValue / -1 throws in .NET and panics
    /// here): by a constant divisor, by a variable replaced with 1 when it is 0 (or -1), or through a guarded helper.
    /// </summary>
    private string Divide(CsType t, int e, string op, string? dividend = null)
    {
        var a = dividend ?? E(t, e);
        int form = _rng.Below(3);
        if (form == 0)
        {
            BigInteger k;
            do k = InterestingInt(t); while (k.IsZero || (t.IsSigned && k == -1));
            return $"({a} {op} {t.Literal(k)})";
        }
        if (form == 1 && ReadPlace(t, 0) is { } b && !b.Contains('('))
        {
            // The divisor is tested after the dividend is evaluated (left to right), and the dividend only once: it may
            // have side effects (Interlocked, calls writing globals) that change the divisor variable (seed 248 of v3
            // divided by zero under CoreCLR). -1 becomes 1 too: that rules out MinValue / -1 whatever the dividend.
            var bad = t.IsSigned ? $"({b} == 0 || {b} == -1)" : $"{b} == 0";
            return $"({a} {op} ({bad} ? 1 : {b}))";
        }
        var helper = (op == "/" ? "Div_" : "Rem_") + t.Name;
        _helpers.Add(helper);
        return $"{helper}({a}, {E(t, e)})";
    }

    /// <summary>Calls a function returning <paramref name="t"/> (direct, through a function pointer, or a generic helper); null when none fits.</summary>
    private string? CallExpr(CsType t, int e)
    {
        var fps = AllVars().Where(v => v.Kind == VarKind.FnPtr && v.Fn!.Ret == t && Affordable(v.Fn)).ToList();
        if (fps.Count > 0 && _rng.Chance(30))
        {
            var fp = _rng.Pick(fps);
            _cost += _mult * fp.Fn!.Cost;
            return $"{fp.Name}({string.Join(", ", fp.Fn.Params.Select(p => E(p.Type, e)))})";
        }
        var ops = _funcs.Where(f => f.IsBinaryOp(t) && Affordable(f)).ToList();
        if (ops.Count > 0 && _rng.Chance(20))
        {
            var f = _rng.Pick(ops);
            _cost += _mult * f.Cost;
            _helpers.Add("Apply");
            return $"Apply<{t.Name}>(&{f.Name}, {E(t, e)}, {E(t, e)})";
        }
        var fs = _funcs.Where(f => f.Direct && f.Ret == t && Affordable(f)).ToList();
        while (fs.Count > 0)
        {
            var f = _rng.Pick(fs);
            if (Arguments(f, e) is { } args)
            {
                _cost += _mult * f.Cost;
                return $"{f.Name}({args})";
            }
            fs.Remove(f);
        }
        return null;
    }

    private bool Affordable(FuncDef f) => _cost + (long)_mult * f.Cost <= _o.CostBudget;

    /// <summary>The argument list for a call of <paramref name="f"/>, or null when a ref/out/span argument has no place here.</summary>
    private string? Arguments(FuncDef f, int e)
    {
        var args = new List<string>();
        foreach (var p in f.Params)
        {
            switch (p.Mode)
            {
                case ParamMode.Value:
                    args.Add(E(p.Type, e));
                    break;
                case ParamMode.In:
                    if (_rng.Chance(50) && VariablePlace(p.Type, 0) is { } r && !r.StartsWith('"'))
                        args.Add("in " + r);
                    else
                        args.Add(E(p.Type, e));
                    break;
                case ParamMode.Ref or ParamMode.Out:
                    if (WritePlace(p.Type, 0) is not { } w)
                        return null;
                    args.Add((p.Mode == ParamMode.Ref ? "ref " : "out ") + w);
                    break;
                case ParamMode.Span:
                    var spans = AllVars().Where(v => v.Kind == VarKind.Span && v.Type == p.Type && v.Length != 0).ToList();
                    if (spans.Count == 0)
                        return null;
                    args.Add(_rng.Pick(spans).Name);
                    break;
            }
        }
        return string.Join(", ", args);
    }

    /// <summary>Expressions that exist only for some types: sizes, lengths, Math.Min/Max, static data, atomics, switch expressions, generics.</summary>
    private string? Special(CsType t, int e)
    {
        var options = new List<Func<string?>>();
        if (t == CsType.Int)
        {
            options.Add(() =>
            {
                var st = StructTypes.Concat([RandomElement(false)]).ToList();
                var s = _rng.Pick(st);
                if (_rng.Chance(50)) return $"sizeof({s.Name})";
                _helpers.Add("SizeOf");
                return $"SizeOf<{s.Name}>()";
            });
            options.Add(() => AllVars().Where(v => v.Kind is VarKind.Span or VarKind.ReadOnlySpan or VarKind.StringLit).ToList() is { Count: > 0 } l ? $"{_rng.Pick(l).Name}.Length" : null);
        }
        if (t == CsType.Int || t == CsType.Long)
        {
            options.Add(() => $"Math.{_rng.Pick(["Min", "Max"])}({E(t, e)}, {E(t, e)})");
            options.Add(() => Atomic(t, e));
        }
        if (t == CsType.Long)
        {
            options.Add(() =>
            {
                var withSum = StructTypes.Where(s => s.Arg is null && s.S!.HasMethods).ToList();
                return withSum.Count > 0 ? ReadPlace(_rng.Pick(withSum), e) is { } p ? $"{p}.Sum()" : null : null;
            });
        }
        if (!t.IsStruct && t != CsType.Bool)
        {
            options.Add(() =>
            {
                var u = _rng.Pick([CsType.Int, CsType.Long, CsType.UInt, CsType.Char, CsType.Byte]);
                var cases = new SortedSet<BigInteger>();
                int n = _rng.Range(1, 4);
                while (cases.Count < n) cases.Add(_rng.Chance(70) ? _rng.Range(0, 8) : InterestingInt(u));
                var arms = cases.Select(c => $"{PatternConst(u, c)} => {E(t, e)}").Append($"_ => {E(t, e)}");
                return $"({E(u, e)} switch {{ {string.Join(", ", arms)} }})";
            });
            options.Add(() =>
            {
                // A switch on a string (Roslyn hashes the string when there are more than a few cases).
                var strings = StringVars();
                if (strings.Count == 0) return null;
                var cases = s_words.Where(_ => _rng.Chance(60)).ToList();
                var arms = cases.Select(c => $"\"{c}\" => {E(t, e)}").Append($"_ => {E(t, e)}");
                return $"({_rng.Pick(strings).Name} switch {{ {string.Join(", ", arms)} }})";
            });
            options.Add(() => { _helpers.Add("Pick"); return $"Pick<{t.Name}>({E(CsType.Bool, e)}, {E(t, e)}, {E(t, e)})"; });
            options.Add(() => { _helpers.Add("Id"); return $"Id<{t.Name}>({E(t, e)})"; });
            options.Add(() =>
            {
                var spans = AllVars().Where(v => v.Kind == VarKind.Span && v.Type == t).ToList();
                if (spans.Count == 0) return null;
                _helpers.Add("At");
                return $"At<{t.Name}>({_rng.Pick(spans).Name}, {E(CsType.Int, e)})";
            });
        }
        while (options.Count > 0)
        {
            var o = _rng.Pick(options);
            if (o() is { } s) return s;
            options.Remove(o);
        }
        return null;
    }

    /// <summary>Interlocked/Volatile on a naturally aligned int or long variable.</summary>
    private string? Atomic(CsType t, int e)
    {
        var vs = AllVars().Where(v => v.Type == t && v.Writable && v.AtomicOk).ToList();
        if (vs.Count == 0) return null;
        var v = _rng.Pick(vs).Name;
        return _rng.Below(6) switch
        {
            0 => $"Interlocked.Add(ref {v}, {E(t, e)})",
            1 => $"Interlocked.Exchange(ref {v}, {E(t, e)})",
            2 => $"Interlocked.CompareExchange(ref {v}, {E(t, e)}, {E(t, e)})",
            3 => $"Interlocked.Increment(ref {v})",
            4 => $"Interlocked.Decrement(ref {v})",
            _ => $"Volatile.Read(ref {v})",
        };
    }

    // ---- strings ----

    /// <summary>Literals for string variables (at least three characters: code indexes them modulo the length).</summary>
    private static readonly string[] s_words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"];
    private const int MinWordLength = 3;

    private List<Var> StringVars() => AllVars().Where(v => v.Kind == VarKind.StringLit && v.Length < 0).ToList();

    /// <summary>A string: a literal, a string variable, or a choice between them.</summary>
    private string StringExpr(int e) => _rng.Below(3) switch
    {
        0 when StringVars() is { Count: > 0 } vs => _rng.Pick(vs).Name,
        1 => $"({E(CsType.Bool, e)} ? \"{_rng.Pick(s_words)}\" : \"{_rng.Pick(s_words)}\")",
        _ => $"\"{_rng.Pick(s_words)}\"",
    };

    // ---- places ----

    private IEnumerable<Var> AllVars()
    {
        foreach (var g in _globals) yield return g;
        foreach (var (name, elem, values) in _data) yield return new Var(name, VarKind.ReadOnlySpan, elem, values.Count);
        yield return new Var("\"cs-soak\"u8", VarKind.ReadOnlySpan, CsType.Byte, 7);
        yield return new Var("\"Veridian C#\"", VarKind.StringLit, CsType.Char, 11);
        foreach (var scope in _scopes)
            foreach (var v in scope)
                yield return v;
    }

    /// <summary>A readable place (variable, field path, element) of type <paramref name="t"/>, or null.</summary>
    private string? ReadPlace(CsType t, int d) => Place(t, writable: false, d);

    /// <summary>A writable place of type <paramref name="t"/>, or null.</summary>
    private string? WritePlace(CsType t, int d) => Place(t, writable: true, d);

    /// <summary>A readable place that is a variable (for <c>in</c> arguments and <c>ref readonly</c>): no string element.</summary>
    private string? VariablePlace(CsType t, int d) => Place(t, writable: false, d, variable: true);

    private string? Place(CsType t, bool writable, int d, bool variable = false)
    {
        var roots = AllVars().Where(v => v.Kind != VarKind.FnPtr && (!writable || v.Writable) && (!variable || v.Kind != VarKind.StringLit)
            && v.Type.Reaches(t) && (!v.Indexed || v.Length != 0)).ToList();
        if (roots.Count == 0)
            return null;
        var root = _rng.Pick(roots);
        return Descend(RootText(root, d), root.Type, t, d);
    }

    private string RootText(Var v, int d)
    {
        if (!v.Indexed)
            return v.Name;
        if (v.Kind is VarKind.Pointer or VarKind.ReadOnlyPointer && v.Length == 1 && _rng.Chance(50))
            return $"(*{v.Name})";
        if (v.Length < 0)
            return $"{v.Name}[(int)((uint)({IndexValue(d)}) % (uint){v.Name}.Length)]";
        return $"{v.Name}[{Index(v.Length, d)}]";
    }

    private string Descend(string text, CsType cur, CsType t, int d)
    {
        if (cur == t)
            return text;
        var fields = cur.Fields.Where(f => f.FixedLength > 0 ? f.Type == t : f.Type.Reaches(t)).ToList();
        var f = _rng.Pick(fields);
        if (f.FixedLength > 0)
            return $"{text}.{f.Name}[{Index(f.FixedLength, d)}]";
        return Descend($"{text}.{f.Name}", f.Type, t, d);
    }

    /// <summary>An in-range index for <paramref name="length"/> elements: masked or reduced modulo the length.</summary>
    private string Index(int length, int d)
    {
        var i = IndexValue(d);
        if ((length & (length - 1)) == 0 && _rng.Chance(60))
            return $"({i}) & {length - 1}";
        return $"(int)((uint)({i}) % {length}u)";
    }

    /// <summary>An int for an index; at depth 0 a literal or a plain int variable, so index expressions cannot nest forever.</summary>
    private string IndexValue(int d)
    {
        if (d > 0)
            return E(CsType.Int, 1);
        if (_rng.Chance(50) && AllVars().Where(v => v.Type == CsType.Int && !v.Indexed && v.Kind != VarKind.FnPtr).ToList() is { Count: > 0 } simple)
            return _rng.Pick(simple).Name;
        return Lit(CsType.Int);
    }

    /// <summary>A random writable place of primitive or struct type (for assignments), or null.</summary>
    private (string Text, CsType Type)? RandomWritablePlace(int d, Func<CsType, bool>? accept = null)
    {
        var roots = AllVars().Where(v => v.Writable && v.Kind != VarKind.FnPtr && (!v.Indexed || v.Length != 0)).ToList();
        for (int attempt = 0; attempt < 4 && roots.Count > 0; attempt++)
        {
            var root = _rng.Pick(roots);
            var text = RootText(root, d);
            var type = root.Type;
            while (type.IsStruct && (_rng.Chance(75) || (accept is not null && !accept(type))))
            {
                var f = _rng.Pick(type.Fields);
                if (f.FixedLength > 0)
                {
                    text = $"{text}.{f.Name}[{Index(f.FixedLength, d)}]";
                    type = f.Type;
                    break;
                }
                text = $"{text}.{f.Name}";
                type = f.Type;
            }
            if (accept is null || accept(type))
                return (text, type);
        }
        return null;
    }
}

internal static class StringExtensions
{
    /// <summary>Runs <paramref name="effect"/> and returns the string (records a helper while building an expression).</summary>
    public static string Also(this string s, Action effect)
    {
        effect();
        return s;
    }
}
