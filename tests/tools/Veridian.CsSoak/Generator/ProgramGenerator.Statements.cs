using System.Globalization;

namespace Veridian.CsSoak.Generator;

public sealed partial class ProgramGenerator
{
    // Per-function state.
    private CodeWriter _w = new();
    private List<List<Var>> _scopes = [];
    private FuncDef? _fn;
    private int _names;
    private int _cost;
    private int _mult = 1;
    private int _loops;        // enclosing for/while/do/foreach (continue is allowed)
    private int _breakables;   // enclosing loops and switches (break is allowed)
    private int _loopNest;     // any enclosing repetition, goto loops included (no stackalloc there)

    private const int MaxMultiplier = 256;

    private string NewName(string prefix) => prefix + (_names++).ToString(CultureInfo.InvariantCulture);

    private void Declare(Var v) => _scopes[^1].Add(v);

    private void PushScope() => _scopes.Add([]);

    private void PopScope() => _scopes.RemoveAt(_scopes.Count - 1);

    private void ResetFunctionState(FuncDef? fn)
    {
        _fn = fn;
        _w = new CodeWriter { Indent = 1 };
        _scopes = [[]];
        _names = 0;
        _cost = 0;
        _mult = 1;
        _loops = _breakables = _loopNest = 0;
    }

    private void MakeFunction(int index)
    {
        var name = "F" + index.ToString(CultureInfo.InvariantCulture);
        CsType? ret = _rng.Chance(15) ? null : RandomType(20);
        var ps = new List<ParamDef>();
        int np = _rng.Range(0, 4);
        // Some functions are C-ABI ([UnmanagedCallersOnly]): by-value blittable parameters and result, structs often.
        bool unmanaged = ret is not null && _rng.Chance(15);
        if (unmanaged)
        {
            ret = RandomBlittable();
            for (int i = 0; i < np; i++)
                ps.Add(new ParamDef("p" + i.ToString(CultureInfo.InvariantCulture), RandomBlittable(), ParamMode.Value));
        }
        for (int i = 0; i < np && !unmanaged; i++)
        {
            var pname = "p" + i.ToString(CultureInfo.InvariantCulture);
            var mode = (ParamMode)_rng.Weighted([55, 14, 8, 10, 8]);
            var t = mode == ParamMode.Span ? RandomElement() : RandomType(mode == ParamMode.In ? 60 : 25);
            ps.Add(new ParamDef(pname, t, mode));
        }
        var f = new FuncDef { Name = name, Ret = ret, Params = ps, Unmanaged = unmanaged };
        ResetFunctionState(f);
        var sig = string.Join(", ", ps.Select(p => p.Mode switch
        {
            ParamMode.Value => $"{p.Type.Name} {p.Name}",
            ParamMode.Ref => $"ref {p.Type.Name} {p.Name}",
            ParamMode.In => $"in {p.Type.Name} {p.Name}",
            ParamMode.Out => $"out {p.Type.Name} {p.Name}",
            ParamMode.Span => $"Span<{p.Type.Name}> {p.Name}",
        }));
        if (unmanaged)
            _w.Line("[UnmanagedCallersOnly]");
        _w.Open($"static {ret?.Name ?? "void"} {name}({sig})");
        _w.Open("unchecked");
        foreach (var p in ps.Where(p => p.Mode != ParamMode.Out))
        {
            Declare(p.Mode switch
            {
                ParamMode.Value => new Var(p.Name, VarKind.Param, p.Type),
                ParamMode.Ref => new Var(p.Name, VarKind.RefParam, p.Type),
                ParamMode.In => new Var(p.Name, VarKind.InParam, p.Type),
                // Callers pass spans of length >= 1; the callee only knows that, so it indexes modulo Length.
                _ => new Var(p.Name, VarKind.Span, p.Type, -1),
            });
        }
        // out parameters are assigned first (they are unassigned until then), then usable like ref parameters.
        foreach (var p in ps.Where(p => p.Mode == ParamMode.Out))
            _w.Line($"{p.Name} = {E(p.Type, 2)};");
        foreach (var p in ps.Where(p => p.Mode == ParamMode.Out))
            Declare(new Var(p.Name, VarKind.OutParam, p.Type));
        int locals = _rng.Range(1, _o.MaxLocals);
        for (int i = 0; i < locals; i++)
            LocalDecl();
        Statements(0, _rng.Range(2, _o.MaxStatements));
        HashScope(_scopes[0]);
        if (ret is not null)
            _w.Line($"return {E(ret, _o.MaxExpressionDepth)};");
        _w.Close();
        _w.Close();
        f.Cost = Math.Max(_cost, 1);
        _funcs.Add(f);
        _funcText.Add(_w.ToString());
    }

    private void Statements(int depth, int count)
    {
        for (int i = 0; i < count; i++)
            Statement(depth);
    }

    private void Statement(int depth)
    {
        _cost += _mult;
        bool nest = depth < _o.MaxBlockDepth && _mult < MaxMultiplier;
        int k = _rng.Weighted([
            22,                                 // 0 assignment
            10,                                 // 1 compound assignment
            5,                                  // 2 ++/--
            8,                                  // 3 hash an expression
            nest ? 10 : 0,                      // 4 if/else
            nest ? 9 : 0,                       // 5 loops
            nest ? 5 : 0,                       // 6 switch
            8,                                  // 7 call
            7,                                  // 8 local declaration
            4,                                  // 9 struct method / swap
            3,                                  // 10 span operations
            nest ? 3 : 0,                       // 11 fixed
            2,                                  // 12 atomics
            _breakables > 0 ? 3 : 0,            // 13 break / continue
            depth > 0 && _fn is not null ? 1 : 0, // 14 return
            nest ? 2 : 0,                       // 15 forward goto
            nest ? 2 : 0,                       // 16 block
        ]);
        switch (k)
        {
            case 0: Assign(); break;
            case 1: Compound(); break;
            case 2: IncDec(); break;
            case 3: HashStatement(); break;
            case 4: If(depth); break;
            case 5: Loop(depth); break;
            case 6: Switch(depth); break;
            case 7: CallStatement(); break;
            case 8: LocalDecl(); break;
            case 9: StructStatement(); break;
            case 10: SpanStatement(); break;
            case 11: Fixed(depth); break;
            case 12: AtomicStatement(); break;
            case 13: BreakContinue(); break;
            case 14: Return(); break;
            case 15: ForwardGoto(depth); break;
            default: Block(depth); break;
        }
    }

    private int Depth => _o.MaxExpressionDepth;

    private void Assign()
    {
        if (_rng.Chance(10) && AllVars().Where(v => v.Kind == VarKind.FnPtr).ToList() is { Count: > 0 } fps)
        {
            var fp = _rng.Pick(fps);
            var same = _funcs.Where(f => f.FnPtrCompatible && f.FnPtrType == fp.Fn!.FnPtrType && f.Cost <= fp.Fn.Cost).ToList();
            if (same.Count > 0)
            {
                _w.Line($"{fp.Name} = &{_rng.Pick(same).Name};");
                return;
            }
        }
        if (RandomWritablePlace(1) is not { } p)
        {
            HashStatement();
            return;
        }
        _w.Line($"{p.Text} = {E(p.Type, Depth)};");
    }

    private void Compound()
    {
        if (RandomWritablePlace(1, t => t.IsNumeric || t == CsType.Bool) is not { } p)
        {
            Assign();
            return;
        }
        var t = p.Type;
        if (t == CsType.Bool)
        {
            _w.Line($"{p.Text} {_rng.Pick(["&=", "|=", "^="])} {E(t, Depth)};");
            return;
        }
        if (t.IsFloat)
        {
            _w.Line($"{p.Text} {_rng.Pick(["+=", "-=", "*=", "/=", "%="])} {E(t, Depth)};");
            return;
        }
        switch (_rng.Below(8))
        {
            case 0:
                _w.Line($"{p.Text} {_rng.Pick(["<<=", ">>=", ">>>="])} {ShiftCount(2)};");
                return;
            case 1:
                {
                    var k = InterestingInt(t);
                    while (k.IsZero || (t.IsSigned && k == -1)) k = InterestingInt(t);
                    _w.Line($"{p.Text} {(_rng.Chance(50) ? "/=" : "%=")} {t.Literal(k)};");
                    return;
                }
            default:
                _w.Line($"{p.Text} {_rng.Pick(["+=", "-=", "*=", "&=", "|=", "^="])} {E(t, Depth)};");
                return;
        }
    }

    private void IncDec()
    {
        if (RandomWritablePlace(1, t => t.IsNumeric) is not { } p)
        {
            Assign();
            return;
        }
        _w.Line(_rng.Below(4) switch { 0 => $"{p.Text}++;", 1 => $"{p.Text}--;", 2 => $"++{p.Text};", _ => $"--{p.Text};" });
    }

    private void HashStatement()
    {
        var t = RandomType(15);
        _w.Line(Hash(E(t, Depth), t));
    }

    /// <summary>A statement mixing <paramref name="expr"/> into the checksum (floating point by canonical bits).</summary>
    private string Hash(string expr, CsType t)
    {
        if (t == CsType.Bool) return $"Chk.B({expr});";
        if (t == CsType.Float) return $"Chk.F({expr});";
        if (t == CsType.Double) return $"Chk.D({expr});";
        if (t.IsStruct)
        {
            if (!_hashed.Contains(t)) _hashed.Add(t);
            return $"{HasherName(t)}({expr});";
        }
        return $"Chk.H(unchecked((ulong)({expr})));";
    }

    private static string HasherName(CsType t) => "Hash_" + t.Name.Replace("<", "_", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal);

    /// <summary>Mixes every variable of a scope into the checksum (spans and pointers element by element).</summary>
    private void HashScope(List<Var> scope)
    {
        foreach (var v in scope)
        {
            switch (v.Kind)
            {
                case VarKind.FnPtr:
                    break;
                case VarKind.StringLit:
                    {
                        var i = NewName("h");
                        _w.Line($"for (int {i} = 0; {i} < {v.Name}.Length; {i}++) {Hash($"{v.Name}[{i}]", CsType.Char)}");
                        break;
                    }
                case VarKind.Span or VarKind.ReadOnlySpan:
                    {
                        var i = NewName("h");
                        _w.Line($"for (int {i} = 0; {i} < {v.Name}.Length; {i}++) {Hash($"{v.Name}[{i}]", v.Type)}");
                        break;
                    }
                case VarKind.Pointer or VarKind.ReadOnlyPointer:
                    {
                        var i = NewName("h");
                        _w.Line($"for (int {i} = 0; {i} < {v.Length}; {i}++) {Hash($"{v.Name}[{i}]", v.Type)}");
                        break;
                    }
                default:
                    _w.Line(Hash(v.Name, v.Type));
                    break;
            }
        }
    }

    private void If(int depth)
    {
        _w.Open($"if ({E(CsType.Bool, Depth)})");
        Scoped(depth + 1, _rng.Range(1, 3));
        _w.Close();
        if (_rng.Chance(50))
        {
            _w.Open("else");
            Scoped(depth + 1, _rng.Range(1, 3));
            _w.Close();
        }
    }

    /// <summary>Statements in a new scope (the caller writes the braces).</summary>
    private void Scoped(int depth, int count)
    {
        PushScope();
        Statements(depth, count);
        PopScope();
    }

    private void Block(int depth)
    {
        _w.Open("");
        Scoped(depth + 1, _rng.Range(1, 3));
        _w.Close();
    }

    private void Loop(int depth)
    {
        int n = _rng.Range(1, 8);
        if ((long)_mult * n > MaxMultiplier)
            n = 1;
        int saved = _mult;
        _mult *= n;
        _loopNest++;
        var kind = _rng.Below(10);
        var spans = AllVars().Where(v => v.Kind is VarKind.Span or VarKind.ReadOnlySpan && v.Length > 0 && (long)saved * v.Length <= MaxMultiplier).ToList();
        if (kind >= 8 && spans.Count > 0)
        {
            var sp = _rng.Pick(spans);
            _mult = saved * sp.Length;
            var x = NewName("x");
            bool byRef = _rng.Chance(50);
            var head = sp.Kind == VarKind.Span && byRef ? $"ref {sp.Type.Name}" : sp.Kind == VarKind.ReadOnlySpan && byRef && !sp.Name.StartsWith('"') ? $"ref readonly {sp.Type.Name}" : sp.Type.Name;
            _w.Open($"foreach ({head} {x} in {sp.Name})");
            PushScope();
            Declare(new Var(x, head.StartsWith("ref ", StringComparison.Ordinal) && !head.StartsWith("ref readonly", StringComparison.Ordinal) ? VarKind.RefLocal : VarKind.ForeachVar, sp.Type));
            LoopBody(depth);
            PopScope();
            _w.Close();
        }
        else if (kind < 4)
        {
            var i = NewName("i");
            var head = _rng.Below(3) switch
            {
                0 => $"for (int {i} = 0; {i} < {n}; {i}++)",
                1 => $"for (int {i} = {n}; {i} > 0; {i}--)",
                _ => $"for (int {i} = 0; {i} < {2 * n}; {i} += 2)",
            };
            _w.Open(head);
            PushScope();
            Declare(new Var(i, VarKind.LoopVar, CsType.Int));
            LoopBody(depth);
            PopScope();
            _w.Close();
        }
        else
        {
            var c = NewName("k");
            _w.Open("");
            PushScope();
            _w.Line($"int {c} = 0;");
            Declare(new Var(c, VarKind.LoopVar, CsType.Int));
            switch (kind)
            {
                case 4 or 5:
                    _w.Open(_rng.Chance(70) ? $"while ({c} < {n})" : $"while ({c} < {n} && {E(CsType.Bool, 2)})");
                    _w.Line($"{c}++;");
                    LoopBody(depth);
                    _w.Close();
                    break;
                case 6:
                    _w.Open("do");
                    _w.Line($"{c}++;");
                    LoopBody(depth);
                    _w.Close($" while ({c} < {n});");
                    break;
                default:
                    {
                        // A backward goto loop: break/continue inside still refer to the enclosing loop, if any.
                        var label = NewName("L");
                        _w.Indent--;
                        _w.Line(label + ":");
                        _w.Indent++;
                        _w.Open("");
                        Scoped(depth + 1, _rng.Range(1, 3));
                        _w.Close();
                        _w.Line($"{c}++;");
                        _w.Line($"if ({c} < {n}) goto {label};");
                        break;
                    }
            }
            PopScope();
            _w.Close();
        }
        _loopNest--;
        _mult = saved;
    }

    private void LoopBody(int depth)
    {
        _loops++;
        _breakables++;
        Scoped(depth + 1, _rng.Range(1, 4));
        _loops--;
        _breakables--;
    }

    private void Switch(int depth)
    {
        var u = _rng.Pick([CsType.Int, CsType.Int, CsType.UInt, CsType.Long, CsType.ULong, CsType.SByte, CsType.Byte, CsType.Short, CsType.UShort, CsType.Char]);
        var governing = !u.IsSmall && _rng.Chance(70) ? $"({E(u, 2)} & 15)" : E(u, 2);
        int sections = _rng.Range(1, 5);
        var values = new SortedSet<System.Numerics.BigInteger>();
        var labels = new List<List<System.Numerics.BigInteger>>();
        for (int s = 0; s < sections; s++)
        {
            var l = new List<System.Numerics.BigInteger>();
            int nl = _rng.Range(1, 2);
            for (int j = 0; j < nl; j++)
            {
                var v = _rng.Chance(70) ? _rng.Range(0, 15) : InterestingInt(u);
                if (v < u.Range.Min || v > u.Range.Max || !values.Add(v)) continue;
                l.Add(v);
            }
            if (l.Count > 0) labels.Add(l);
        }
        bool hasDefault = _rng.Chance(60);
        _w.Open($"switch ({governing})");
        _breakables++;
        for (int s = 0; s < labels.Count; s++)
        {
            foreach (var v in labels[s])
                _w.Line($"case {PatternConst(u, v)}:");
            EndSection(depth, s + 1 < labels.Count ? labels[s + 1][0] : null, hasDefault, u);
        }
        if (hasDefault)
        {
            _w.Line("default:");
            EndSection(depth, null, false, u);
        }
        _breakables--;
        _w.Close();
    }

    /// <summary>A section body, then <c>break</c> or a forward <c>goto case</c>/<c>goto default</c> (never backwards: no loops).</summary>
    private void EndSection(int depth, System.Numerics.BigInteger? next, bool hasDefault, CsType u)
    {
        _w.Indent++;
        _w.Open("");
        Scoped(depth + 1, _rng.Range(1, 3));
        _w.Close();
        if (next is { } n && _rng.Chance(20))
            _w.Line($"goto case {PatternConst(u, n)};");
        else if (hasDefault && _rng.Chance(10))
            _w.Line("goto default;");
        else
            _w.Line("break;");
        _w.Indent--;
    }

    private void CallStatement()
    {
        var fs = _funcs.Where(f => f.Direct && Affordable(f)).ToList();
        while (fs.Count > 0)
        {
            var f = _rng.Pick(fs);
            if (Arguments(f, 2) is not { } args)
            {
                fs.Remove(f);
                continue;
            }
            _cost += _mult * f.Cost;
            var call = $"{f.Name}({args})";
            if (f.Ret is null)
                _w.Line(call + ";");
            else if (_rng.Chance(30) && WritePlace(f.Ret, 1) is { } p)
                _w.Line($"{p} = {call};");
            else if (_rng.Chance(15))
                _w.Line($"_ = {call};");
            else
                _w.Line(Hash(call, f.Ret));
            return;
        }
        HashStatement();
    }

    private void LocalDecl()
    {
        bool stack = _loopNest == 0;
        switch (_rng.Weighted([60, stack ? 12 : 0, 10, 5, 8, 5, 4]))
        {
            case 6:
                {
                    var v = NewName("s");
                    _w.Line($"string {v} = {StringExpr(2)};");
                    Declare(new Var(v, VarKind.StringLit, CsType.Char, -1));
                    return;
                }
            case 0:
                {
                    var t = RandomType(25);
                    var v = NewName("v");
                    _w.Line($"{t.Name} {v} = {E(t, Depth)};");
                    Declare(new Var(v, VarKind.Local, t));
                    return;
                }
            case 1:
                {
                    var t = RandomElement();
                    var v = NewName("sp");
                    int n;
                    switch (_rng.Below(3))
                    {
                        case 0:
                            n = _rng.Pick([1, 2, 4, 8, 16, 3, 5]);
                            _w.Line($"Span<{t.Name}> {v} = stackalloc {t.Name}[{n}];");
                            break;
                        case 1:
                            n = _rng.Range(1, 8);
                            _w.Line($"Span<{t.Name}> {v} = stackalloc {t.Name}[] {{ {string.Join(", ", Enumerable.Range(0, n).Select(_ => E(t, 1)))} }};");
                            break;
                        default:
                            n = _rng.Range(1, 8);
                            _w.Line($"Span<{t.Name}> {v} = [{string.Join(", ", Enumerable.Range(0, n).Select(_ => E(t, 1)))}];");
                            break;
                    }
                    Declare(new Var(v, VarKind.Span, t, n));
                    return;
                }
            case 2:
                Pointer(stack);
                return;
            case 3:
                {
                    var fs = _funcs.Where(f => f.FnPtrCompatible && Affordable(f)).ToList();
                    if (fs.Count == 0) goto case 0;
                    var f = _rng.Pick(fs);
                    var v = NewName("fp");
                    _w.Line($"{f.FnPtrType} {v} = &{f.Name};");
                    Declare(new Var(v, VarKind.FnPtr, f.Ret!, Fn: f));
                    return;
                }
            case 4:
                {
                    var v = NewName("r");
                    if (_rng.Chance(70) && RandomWritablePlace(1) is { } p)
                    {
                        _w.Line($"ref {p.Type.Name} {v} = ref {p.Text};");
                        Declare(new Var(v, VarKind.RefLocal, p.Type));
                        return;
                    }
                    var t = RandomType(20);
                    if (VariablePlace(t, 1) is { } rp && !rp.StartsWith('"'))
                    {
                        _w.Line($"ref readonly {t.Name} {v} = ref {rp};");
                        Declare(new Var(v, VarKind.RefReadonlyLocal, t));
                        return;
                    }
                    goto case 0;
                }
            default:
                {
                    var spans = AllVars().Where(s => s.Kind == VarKind.Span && s.Length >= 2).ToList();
                    if (spans.Count == 0) goto case 0;
                    var sp = _rng.Pick(spans);
                    var v = NewName("sl");
                    if (_rng.Chance(30))
                    {
                        _w.Line($"ReadOnlySpan<{sp.Type.Name}> {v} = {sp.Name};");
                        Declare(new Var(v, VarKind.ReadOnlySpan, sp.Type, sp.Length));
                        return;
                    }
                    int len = sp.Length / 2;
                    _w.Line($"Span<{sp.Type.Name}> {v} = {sp.Name}.Slice((int)((uint)({E(CsType.Int, 1)}) % {sp.Length - len + 1}u), {len});");
                    Declare(new Var(v, VarKind.Span, sp.Type, len));
                    return;
                }
        }
    }

    private void Pointer(bool stack)
    {
        var v = NewName("ptr");
        if (stack && _rng.Chance(40))
        {
            var t = RandomElement();
            int n = _rng.Pick([1, 2, 4, 8, 3]);
            _w.Line($"{t.Name}* {v} = stackalloc {t.Name}[{n}];");
            Declare(new Var(v, VarKind.Pointer, t, n));
            return;
        }
        // &local, &local.field or a local's fixed buffer: fixed variables need no fixed statement.
        var roots = AllVars().Where(x => x.IsFixedVariable).ToList();
        if (roots.Count == 0)
        {
            var t = RandomPrim(false);
            var l = NewName("v");
            _w.Line($"{t.Name} {l} = {E(t, 2)};");
            Declare(new Var(l, VarKind.Local, t));
            roots = [_scopes[^1][^1]];
        }
        var root = _rng.Pick(roots);
        var text = root.Name;
        var type = root.Type;
        while (type.IsStruct && _rng.Chance(50))
        {
            var f = _rng.Pick(type.Fields);
            if (f.FixedLength > 0)
            {
                _w.Line($"{f.Type.Name}* {v} = {text}.{f.Name};");
                Declare(new Var(v, VarKind.Pointer, f.Type, f.FixedLength));
                return;
            }
            text += "." + f.Name;
            type = f.Type;
        }
        _w.Line($"{type.Name}* {v} = &{text};");
        Declare(new Var(v, VarKind.Pointer, type, 1));
    }

    private void StructStatement()
    {
        if (_rng.Chance(50))
        {
            var withMethods = StructTypes.Where(s => s.Arg is null && s.S!.HasMethods).ToList();
            if (withMethods.Count > 0 && WritePlace(_rng.Pick(withMethods), 1) is { } p)
            {
                _w.Line($"{p}.Bump({E(CsType.Int, 2)});");
                return;
            }
        }
        if (RandomWritablePlace(1) is { } a && WritePlace(a.Type, 1) is { } b)
        {
            _helpers.Add("Swap");
            _w.Line($"Swap<{a.Type.Name}>(ref {a.Text}, ref {b});");
            return;
        }
        Assign();
    }

    private void SpanStatement()
    {
        var spans = AllVars().Where(v => v.Kind == VarKind.Span).ToList();
        if (spans.Count == 0)
        {
            LocalDecl();
            return;
        }
        var sp = _rng.Pick(spans);
        _cost += _mult * Math.Max(sp.Length, 4);
        if (_rng.Chance(70))
            _w.Line($"{sp.Name}.Fill({E(sp.Type, 2)});");
        else
            _w.Line($"{sp.Name}.Clear();");
    }

    private void Fixed(int depth)
    {
        var q = NewName("q");
        var spans = AllVars().Where(v => v.Kind is VarKind.Span or VarKind.ReadOnlySpan && v.Length != 0).ToList();
        var strings = StringVars();
        if (strings.Count > 0 && _rng.Chance(20))
        {
            _w.Open($"fixed (char* {q} = {_rng.Pick(strings).Name})");
            PushScope();
            Declare(new Var(q, VarKind.ReadOnlyPointer, CsType.Char, MinWordLength));
        }
        else if (spans.Count > 0 && _rng.Chance(60))
        {
            var sp = _rng.Pick(spans);
            _w.Open($"fixed ({sp.Type.Name}* {q} = {sp.Name})");
            PushScope();
            // A span parameter's length is only known to be >= 1.
            Declare(new Var(q, sp.Kind == VarKind.Span ? VarKind.Pointer : VarKind.ReadOnlyPointer, sp.Type, sp.Length < 0 ? 1 : sp.Length));
        }
        else
        {
            var roots = AllVars().Where(v => v.IsMoveable && v.Writable && !v.Type.IsStruct).ToList();
            if (roots.Count == 0)
            {
                Block(depth);
                return;
            }
            var root = _rng.Pick(roots);
            _w.Open($"fixed ({root.Type.Name}* {q} = &{root.Name})");
            PushScope();
            Declare(new Var(q, VarKind.Pointer, root.Type, 1));
        }
        Statements(depth + 1, _rng.Range(1, 3));
        PopScope();
        _w.Close();
    }

    private void AtomicStatement()
    {
        var t = _rng.Pick([CsType.Int, CsType.Long, CsType.UInt, CsType.ULong, CsType.Byte, CsType.Bool]);
        var vs = AllVars().Where(v => v.Type == t && v.Writable && v.AtomicOk).ToList();
        if (vs.Count == 0)
        {
            HashStatement();
            return;
        }
        var v = _rng.Pick(vs).Name;
        if (t != CsType.Int && t != CsType.Long || _rng.Chance(30))
        {
            _w.Line($"Volatile.Write(ref {v}, {E(t, 2)});");
            return;
        }
        var ops = t == CsType.Int ? new[] { "Increment", "Decrement", "Add", "Exchange", "And", "Or" } : ["Increment", "Decrement", "Add", "Exchange"];
        var op = _rng.Pick(ops);
        _w.Line(op is "Increment" or "Decrement" ? $"Interlocked.{op}(ref {v});" : $"Interlocked.{op}(ref {v}, {E(t, 2)});");
    }

    private void BreakContinue()
    {
        var word = _loops > 0 && _rng.Chance(40) ? "continue" : "break";
        _w.Line($"if ({E(CsType.Bool, 2)}) {word};");
    }

    private void Return()
    {
        var ret = _fn!.Ret;
        _w.Line(ret is null ? $"if ({E(CsType.Bool, 2)}) return;" : $"if ({E(CsType.Bool, 2)}) return {E(ret, 2)};");
    }

    private void ForwardGoto(int depth)
    {
        var label = NewName("L");
        _w.Line($"if ({E(CsType.Bool, 2)}) goto {label};");
        Block(depth);
        _w.Line($"{label}: ;");
    }
}
