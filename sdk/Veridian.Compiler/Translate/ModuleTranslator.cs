using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Compiler.Translate;

/// <summary>
/// Translates the methods reachable from the entry point (<c>Main</c>) and the exports
/// (<c>[UnmanagedCallersOnly(EntryPoint=…)]</c>) into one LLVM IR module (textual form), monomorphising
/// generics. Deterministic: methods are emitted in discovery order from roots sorted by metadata row.
/// </summary>
public sealed class ModuleTranslator
{
    public ProgramModel Model { get; }
    public TargetInfo Target { get; }
    private readonly Dictionary<string, string> _fnNames = new(StringComparer.Ordinal);
    private readonly Queue<MethodInst> _work = new();
    private readonly StringBuilder _globals = new();
    private readonly StringBuilder _functions = new();
    private readonly SortedSet<string> _declares = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _statics = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _rvaData = new();
    private readonly SortedDictionary<int, string> _cctors = new();
    private readonly HashSet<string> _definedSymbols = new(StringComparer.Ordinal);
    private int _counter;

    public ModuleTranslator(ProgramModel model, TargetInfo target)
    {
        Model = model;
        Target = target;
    }

    /// <summary>
    /// Whether a static method named Main has a C# entry point's shape — no parameters or one <c>string[]</c> — as
    /// Roslyn decides (CS0028: any other Main is an ordinary method, e.g. a kernel's <c>Main(bool)</c>).
    /// </summary>
    private bool IsEntryPointShape(MethodDefinitionHandle h)
    {
        var parameters = Model.Signature(Inst(h)).ParameterTypes;
        return parameters.Length == 0 || (parameters.Length == 1 && parameters[0] is ArraySig { Element: NamedSig { Name: "System.String" } });
    }

    /// <summary>Translates the whole program; throws <see cref="DiagnosticException"/> with VDN4xxx on unsupported input.</summary>
    public string Translate(IReadOnlySet<string> userFiles)
    {
        var md = Model.Md;
        MethodDefinitionHandle? main = null;
        var exports = new List<MethodDefinitionHandle>();
        foreach (var h in md.MethodDefinitions)
        {
            var def = md.GetMethodDefinition(h);
            if (Model.ExportName(h) is not null)
                exports.Add(h);
            else if (md.GetString(def.Name) == "Main" && (def.Attributes & MethodAttributes.Static) != 0 && IsUser(h, userFiles) && IsEntryPointShape(h))
                main ??= h;
        }
        if (main is null && exports.Count == 0 && !md.FieldDefinitions.Any(f => Model.CSymbol(f) is not null))
            throw DiagnosticException.Error(CompilerCodes.NoEntryPoint, "the program has no entry point: no static Main and no [UnmanagedCallersOnly(EntryPoint = \"...\")] export",
                hint: "add `static int Main()` (Linux targets) or an exported function such as kmain (freestanding)");

        foreach (var e in exports)
            Require(Inst(e));
        // Fields with a C symbol are exports too: C code may be their only user.
        foreach (var th in md.TypeDefinitions)
        {
            var td = md.GetTypeDefinition(th);
            if (td.GetGenericParameters().Count > 0)
                continue;
            foreach (var f in td.GetFields())
            {
                if ((md.GetFieldDefinition(f).Attributes & FieldAttributes.Static) != 0 && Model.CSymbol(f) is not null)
                    StaticField(f, Model.Sigs.Named(th, []));
            }
        }
        string? mainFn = main is { } m ? Require(Inst(m)) : null;

        while (_work.Count > 0)
        {
            var inst = _work.Dequeue();
            var translator = new MethodTranslator(this, inst);
            try
            {
                _functions.Append(translator.Translate());
            }
            catch (UnsupportedIntrinsic e)
            {
                var (file, line) = Model.LineOf(inst.Def, translator.CurrentOffset);
                throw DiagnosticException.Error(CompilerCodes.IntrinsicMisuse, e.Message,
                    file is null ? null : new SourceLocation(file, line), "see the intrinsics section of docs/csharp-subset.md");
            }
            catch (UnsupportedException e)
            {
                var (file, line) = Model.LineOf(inst.Def, translator.CurrentOffset);
                throw DiagnosticException.Error(CompilerCodes.Unsupported, $"{e.Message} (in {Describe(inst)})",
                    file is null ? null : new SourceLocation(file, line), "this construct is outside what the v1 translator implements; see docs/csharp-subset.md");
            }
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"; generated by Veridian.Compiler for {Target.Canonical}\n");
        sb.Append(CultureInfo.InvariantCulture, $"target datalayout = \"{Target.DataLayout}\"\ntarget triple = \"{Target.LlvmTriple}\"\n\n");
        sb.Append(_globals);
        if (_cctors.Count > 0)
        {
            // Placed in .init_array directly: a TargetMachine made through the C API puts llvm.global_ctors in
            // .ctors (UseInitArray is not settable there), which neither glibc nor the kernel script runs. At priority
            // 100 — the last one reserved for the implementation — so type initialisers run before every C (or C++)
            // constructor, which may call into C# (relibc-cs's stdout is set up by one: printf in a constructor).
            var entries = string.Join(", ", _cctors.Values.Select(f => $"ptr {f}"));
            sb.Append(CultureInfo.InvariantCulture, $"@__veridian_static_ctors = internal constant [{_cctors.Count} x ptr] [{entries}], section \".init_array.{StaticConstructorPriority}\", align 8\n");
            sb.Append("@llvm.used = appending global [1 x ptr] [ptr @__veridian_static_ctors], section \"llvm.metadata\"\n");
        }
        if (mainFn is not null)
        {
            var sig = Model.Signature(Inst(main!.Value));
            if (sig.ParameterTypes.Length != 0)
            {
                var (file, line) = Model.LineOf(main.Value, 0);
                throw DiagnosticException.Error(CompilerCodes.NoEntryPoint, "Main must take no parameters in subset v1 (string[] args needs arrays)",
                    file is null ? null : new SourceLocation(file, line), "declare `static int Main()` or `static void Main()`");
            }
            var ret = Model.Normalize(sig.ReturnType);
            sb.Append("\ndefine i32 @main() {\n");
            if (ret is PrimSig { Kind: Prim.Void })
                sb.Append(CultureInfo.InvariantCulture, $"  call void {mainFn}()\n  ret i32 0\n}}\n");
            else if (ret is PrimSig { Kind: Prim.I4 or Prim.U4 })
                sb.Append(CultureInfo.InvariantCulture, $"  %r = call i32 {mainFn}()\n  ret i32 %r\n}}\n");
            else
                throw DiagnosticException.Error(CompilerCodes.NoEntryPoint, "Main must return int or void", hint: "declare `static int Main()`");
        }
        if (!_definedSymbols.Contains("__veridian_panic"))
        {
            // The default panic hook traps; a program or platform overrides it (the strong definition wins).
            sb.Append("\ndefine weak void @__veridian_panic(ptr %m, i64 %n) noreturn {\n  call void @llvm.trap()\n  unreachable\n}\n");
            _declares.Add("declare void @llvm.trap() cold noreturn nounwind");
            _declares.RemoveWhere(d => d.Contains("@__veridian_panic(", StringComparison.Ordinal));
        }
        // A symbol this module defines (an export) must not also be declared (e.g. the panic hook).
        _declares.RemoveWhere(d => _definedSymbols.Any(n => d.Contains("@" + Quote(n) + "(", StringComparison.Ordinal)));
        sb.Append('\n').Append(_functions);
        sb.Append('\n');
        foreach (var d in _declares)
            sb.Append(d).Append('\n');
        if (NeedsBranchWeights)
            sb.Append("\n!0 = !{!\"branch_weights\", i32 1, i32 2000}\n");
        return sb.ToString();
    }

    private bool IsUser(MethodDefinitionHandle h, IReadOnlySet<string> userFiles)
    {
        var (file, _) = Model.LineOf(h, 0);
        return file is not null && userFiles.Contains(file);
    }

    public string Describe(MethodInst m) => $"{m.Owner.Key}.{Model.Name(m.Def)}" + (m.MethodArgs.IsDefaultOrEmpty ? "" : $"<{string.Join(",", m.MethodArgs.Select(a => a.Key))}>");

    public MethodInst Inst(MethodDefinitionHandle h) => new(h, Model.OwnerOpen(h), []);

    /// <summary>The LLVM symbol of a method instance, queuing it for translation on first use.</summary>
    public string Require(MethodInst m)
    {
        if (_fnNames.TryGetValue(m.Key, out var name))
            return name;
        if (m.Owner.Args.Any(a => a is GenericParamSig) || m.MethodArgs.Any(a => a is GenericParamSig))
            throw new UnsupportedException("open generic method");
        if (Model.ImportName(m.Def) is { } import)
        {
            name = "@" + Quote(import);
            _fnNames[m.Key] = name;
            // The panic hook never returns: saying so lets LLVM treat every bounds/overflow check as a cold exit.
            _declares.Add($"declare {CAbi.Declaration(this, Model.Signature(m), name)}" + (import == PanicHook ? " cold noreturn" : ""));
            return name;
        }
        if (Model.ExportName(m.Def) is { } export)
        {
            name = "@" + Quote(export);
            _definedSymbols.Add(export);
        }
        else
        {
            name = "@" + Quote(Describe(m) + "#" + MetadataTokens.GetRowNumber(m.Def));
        }
        _fnNames[m.Key] = name;
        _work.Enqueue(m);
        // Using any method of a type runs its static constructor first (at startup, see RequireStaticConstructor).
        if (Model.Name(m.Def) != ".cctor")
            RequireStaticConstructor(m.Owner);
        return name;
    }

    /// <summary>The C symbol of the panic hook (docs/csharp-subset.md).</summary>
    public const string PanicHook = "__veridian_panic";

    public static string Quote(string s)
    {
        if (s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$'))
            return s;
        var sb = new StringBuilder("\"");
        foreach (var c in Encoding.UTF8.GetBytes(s))
            sb.Append(c is < 0x20 or (byte)'"' or (byte)'\\' or >= 0x7F ? $"\\{c:X2}" : ((char)c).ToString());
        return sb.Append('"').ToString();
    }

    public void Declare(string declaration) => _declares.Add(declaration);

    /// <summary>Adds a global definition line (constants for panic messages and the like).</summary>
    public void DeclareGlobal(string line) => _globals.Append(line).Append('\n');

    /// <summary>Set when a function uses <c>!prof !0</c> (panic branches are cold).</summary>
    public bool NeedsBranchWeights { get; set; }

    public string NewGlobalName(string prefix) => $"@{prefix}.{_counter++}";

    /// <summary>A read-only String object for a literal: header, length, UTF-16 chars and a NUL.</summary>
    public string StringLiteral(string value)
    {
        if (_strings.TryGetValue(value, out var name))
            return name;
        name = NewGlobalName("str");
        var chars = string.Join(", ", value.Select(c => $"i16 {(int)c}").Append("i16 0"));
        _globals.Append(CultureInfo.InvariantCulture, $"{name} = private unnamed_addr constant {{ ptr, i32, [{value.Length + 1} x i16] }} {{ ptr null, i32 {value.Length}, [{value.Length + 1} x i16] [{chars}] }}, align 8\n");
        _strings[value] = name;
        return name;
    }

    /// <summary>Read-only data of an RVA field (u8 literals, static ReadOnlySpan data), with its size.</summary>
    public (string Name, int Size) RvaData(FieldDefinitionHandle f)
    {
        var data = Model.FieldData(f);
        var row = MetadataTokens.GetRowNumber(f);
        if (!_rvaData.TryGetValue(row, out var name))
        {
            name = NewGlobalName("data");
            var type = Model.FieldType(f, GenericContext.Empty);
            int align = Math.Max(8, Model.LayoutOf(type).Align);
            var text = new StringBuilder();
            foreach (var b in data)
                text.Append(b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\{b:X2}");
            _globals.Append(CultureInfo.InvariantCulture, $"{name} = private unnamed_addr constant [{data.Length} x i8] c\"{text}\", align {align}\n");
            _rvaData[row] = name;
        }
        return (name, data.Length);
    }

    /// <summary>The global of a static field of a (possibly generic) type; registers the type's static constructor.</summary>
    public string StaticField(FieldDefinitionHandle f, NamedSig owner)
    {
        var key = owner.Key + "::" + Model.Md.GetString(Model.Md.GetFieldDefinition(f).Name);
        if (_statics.TryGetValue(key, out var name))
            return name;
        var symbol = Model.CSymbol(f);
        if (symbol is not null && !owner.Args.IsDefaultOrEmpty)
            throw new UnsupportedException($"[CSymbol(\"{symbol}\")] on a field of the generic type {owner.Key} (each instantiation would define the symbol)");
        name = "@" + Quote(symbol ?? "static:" + key);
        var layout = Model.LayoutOf(Model.FieldType(f, new GenericContext(owner.Args.IsDefault ? [] : owner.Args, [])));
        // A [ThreadStatic] field is thread_local with LLVM's default (general-dynamic) model, which LLVM narrows to
        // local-exec in executables (static or PIE) because the definition is local.
        var linkage = (symbol is null ? "internal " : "") + (Model.IsThreadStatic(f) ? "thread_local " : "") + "global";
        _globals.Append(CultureInfo.InvariantCulture, $"{name} = {linkage} [{layout.Size} x i8] zeroinitializer, align {Math.Max(layout.Align, 1)}\n");
        _statics[key] = name;
        RequireStaticConstructor(owner);
        return name;
    }

    /// <summary>The <c>.init_array</c> priority of C# static constructors: 100, before C's 101–65535 and the default (docs/csharp-subset.md).</summary>
    public const int StaticConstructorPriority = 100;

    /// <summary>Static constructors run at startup (.init_array), ordered by their type's metadata row.</summary>
    public void RequireStaticConstructor(NamedSig owner)
    {
        var td = Model.Md.GetTypeDefinition(owner.Def);
        foreach (var mh in td.GetMethods())
        {
            if (Model.Name(mh) != ".cctor")
                continue;
            var inst = new MethodInst(mh, owner, []);
            int order = MetadataTokens.GetRowNumber(owner.Def) * 4096 + _cctors.Count;
            var fn = Require(inst);
            if (!_cctors.ContainsValue(fn))
                _cctors[order] = fn;
        }
    }
}
