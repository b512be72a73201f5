using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Veridian.CsSoak;

/// <summary>
/// Shrinks a C# program while <c>interesting(text)</c> stays true (for the soak: CoreCLR runs it cleanly and our
/// compiler still disagrees in the same way). Works on Roslyn syntax trees, so it reduces any program, not
/// only generated ones: it removes statements (delta debugging over chunks) and members, replaces compound
/// statements by their bodies, and replaces expressions by a literal of their type or by a same-typed operand.
/// Candidates that do not compile against the real BCL are discarded without running anything.
/// </summary>
/// <remarks>
/// Edits that could make the program's behaviour undefined instead of wrong are never tried: the checksum
/// harness class (<see cref="ProtectedClass"/>: it canonicalises NaN bits) is left alone, and an index or a
/// pointer offset is only ever replaced by <c>0</c>, never by its unmasked operand (an out-of-range fixed-buffer
/// or pointer access is not checked, so CoreCLR and we could read different garbage).
/// </remarks>
public sealed class Reducer
{
    public const string ProtectedClass = Generator.ProgramGenerator.HarnessClass;

    private readonly Func<string, bool> _interesting;
    private readonly Func<string, bool> _compiles;
    private readonly Action<string> _log;
    private readonly HashSet<string> _tried = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancel;

    /// <summary>Candidates that compiled and were given to the interestingness test.</summary>
    public int Tests { get; private set; }

    /// <summary>Candidates tried (compiled or not).</summary>
    public int Candidates { get; private set; }

    /// <param name="interesting">True when a candidate still shows the failure.</param>
    /// <param name="compiles">A cheap validity filter run before <paramref name="interesting"/> (e.g. Roslyn against the BCL).</param>
    public Reducer(Func<string, bool> interesting, Func<string, bool> compiles, Action<string>? log = null, CancellationToken cancel = default)
    {
        _interesting = interesting;
        _compiles = compiles;
        _log = log ?? (_ => { });
        _cancel = cancel;
    }

    /// <summary>The reduced program (the input when nothing could be removed).</summary>
    public string Reduce(string program)
    {
        var current = program;
        for (int round = 0; round < 20; round++)
        {
            var before = current;
            current = RemoveStatements(current);
            current = RemoveMembers(current);
            current = SimplifyStatements(current);
            current = SimplifyExpressions(current);
            _log($"round {round + 1}: {Lines(before)} → {Lines(current)} lines ({Tests} tests)");
            if (current == before || _cancel.IsCancellationRequested)
                break;
        }
        var tidy = CSharpSyntaxTree.ParseText(current).GetRoot().NormalizeWhitespace("    ", "\n").ToFullString() + "\n";
        return tidy != current && Try(tidy) ? tidy : current;
    }

    private static int Lines(string s) => s.Count(c => c == '\n');

    private bool Try(string candidate)
    {
        if (_cancel.IsCancellationRequested || !_tried.Add(candidate))
            return false;
        Candidates++;
        if (!_compiles(candidate))
            return false;
        Tests++;
        return _interesting(candidate);
    }

    private static SyntaxNode Parse(string text) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();

    private static bool Protected(SyntaxNode n) =>
        n.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().Any(c => c.Identifier.Text == ProtectedClass);

    // ---- statements: ddmin over the statements of all blocks and switch sections ----

    private static List<StatementSyntax> RemovableStatements(SyntaxNode root) =>
        root.DescendantNodes().OfType<StatementSyntax>()
            .Where(s => s.Parent is BlockSyntax or SwitchSectionSyntax && !Protected(s))
            .ToList();

    private string RemoveStatements(string text)
    {
        int chunk = Math.Max(1, RemovableStatements(Parse(text)).Count / 2);
        while (chunk >= 1 && !_cancel.IsCancellationRequested)
        {
            bool progress = false;
            for (int start = 0; ; start += chunk)
            {
                var root = Parse(text);
                var all = RemovableStatements(root);
                if (start >= all.Count)
                    break;
                var victims = all.Skip(start).Take(chunk).ToList();
                var candidate = root.RemoveNodes(victims, SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString();
                if (Try(candidate))
                {
                    text = candidate;
                    progress = true;
                    start -= chunk;   // the list shifted left: retry at the same position
                }
            }
            if (!progress)
                chunk /= 2;
        }
        return text;
    }

    // ---- members: functions, fields, types, properties, methods of structs ----

    private string RemoveMembers(string text)
    {
        for (int i = 0; ; i++)
        {
            var root = Parse(text);
            var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>()
                .Where(m => m is not NamespaceDeclarationSyntax && !Protected(m) && !(m is MethodDeclarationSyntax md && md.Identifier.Text == "Main"))
                .Reverse().ToList();
            if (i >= members.Count)
                return text;
            var candidate = root.RemoveNode(members[i], SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString();
            if (Try(candidate))
            {
                text = candidate;
                i--;
            }
        }
    }

    // ---- compound statements: replace by a body, drop an else ----

    private string SimplifyStatements(string text)
    {
        for (int i = 0; ; i++)
        {
            var root = Parse(text);
            var compounds = root.DescendantNodes().OfType<StatementSyntax>()
                .Where(s => !Protected(s) && s is IfStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax
                    or FixedStatementSyntax or SwitchStatementSyntax or BlockSyntax { Parent: BlockSyntax } or CheckedStatementSyntax { Parent: BlockSyntax })
                .ToList();
            if (i >= compounds.Count)
                return text;
            bool done = false;
            foreach (var replacement in Replacements(compounds[i]))
            {
                var candidate = (replacement.Count == 1 ? root.ReplaceNode(compounds[i], replacement[0]) : root.ReplaceNode(compounds[i], replacement)).ToFullString();
                if (Try(candidate))
                {
                    text = candidate;
                    done = true;
                    break;
                }
            }
            if (done) i--;
        }
    }

    /// <summary>What a compound statement may be replaced by (each candidate: the statements to put in its place).</summary>
    private static IEnumerable<IReadOnlyList<SyntaxNode>> Replacements(StatementSyntax s)
    {
        switch (s)
        {
            case IfStatementSyntax ifs:
                yield return [AsBlock(ifs.Statement)];
                if (ifs.Else is { } e)
                {
                    yield return [AsBlock(e.Statement)];
                    yield return [ifs.WithElse(null)];
                }
                break;
            case ForStatementSyntax f:
                // Keep the declarations (the body may use the loop variable): one iteration.
                if (f.Declaration is { } decl)
                    yield return [SyntaxFactory.Block(SyntaxFactory.LocalDeclarationStatement(decl), AsBlock(f.Statement))];
                else
                    yield return [AsBlock(f.Statement)];
                break;
            case WhileStatementSyntax w:
                yield return [AsBlock(w.Statement)];
                break;
            case DoStatementSyntax d:
                yield return [AsBlock(d.Statement)];
                break;
            case ForEachStatementSyntax fe:
                yield return [AsBlock(fe.Statement)];
                break;
            case FixedStatementSyntax fx:
                yield return [AsBlock(fx.Statement)];
                break;
            case SwitchStatementSyntax sw:
                foreach (var section in sw.Sections)
                    yield return [SyntaxFactory.Block(section.Statements.Where(x => x is not BreakStatementSyntax and not GotoStatementSyntax))];
                break;
            case BlockSyntax b when b.Statements.Count > 0:
                // Flatten a nested block into its parent (names are unique per function in generated code).
                yield return [.. b.Statements];
                break;
            case CheckedStatementSyntax c:
                yield return [c.Block];
                break;
        }
    }

    private static BlockSyntax AsBlock(StatementSyntax s) => s as BlockSyntax ?? SyntaxFactory.Block(s);

    // ---- expressions ----

    private string SimplifyExpressions(string text)
    {
        for (int i = 0; ; i++)
        {
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));
            var root = tree.GetRoot();
            var exprs = root.DescendantNodes().OfType<ExpressionSyntax>().Where(Reducible).ToList();
            if (i >= exprs.Count)
                return text;
            var e = exprs[i];
            bool done = false;
            foreach (var replacement in ExpressionReplacements(e))
            {
                if (replacement.IsEquivalentTo(e))
                    continue;
                var candidate = root.ReplaceNode(e, replacement.WithTriviaFrom(e)).ToFullString();
                if (Try(candidate))
                {
                    text = candidate;
                    done = true;
                    break;
                }
            }
            if (done) i--;
        }
    }

    private static bool Reducible(ExpressionSyntax e)
    {
        if (Protected(e) || e is LiteralExpressionSyntax or DefaultExpressionSyntax or RefExpressionSyntax)
            return false;
        if (e.Ancestors().Any(a => a is AttributeSyntax or CaseSwitchLabelSyntax or PatternSyntax or GotoStatementSyntax or ForStatementSyntax
                or StackAllocArrayCreationExpressionSyntax { Initializer: null } or TypeSyntax or UsingDirectiveSyntax))
            return false;
        var parent = e.Parent;
        // Places stay places: assignment targets, ref/out/in arguments, ++/--, & operands, receivers, callees.
        switch (parent)
        {
            case AssignmentExpressionSyntax a when a.Left == e:
            case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
            case PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression) || p.IsKind(SyntaxKind.AddressOfExpression):
            case PostfixUnaryExpressionSyntax:
            case MemberAccessExpressionSyntax ma when ma.Expression == e:
            case ElementAccessExpressionSyntax ea when ea.Expression == e:
            case InvocationExpressionSyntax inv when inv.Expression == e:
            case ForEachStatementSyntax:
            case FixedStatementSyntax:
            case VariableDeclaratorSyntax:
                return false;
        }
        if (e is SimpleNameSyntax or QualifiedNameSyntax)
        {
            // A name is reducible only where it is read as a value; elsewhere it names a type, method or label.
            if (e is GenericNameSyntax || parent is CastExpressionSyntax c && c.Type == e)
                return false;
            return parent is BinaryExpressionSyntax or ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ParenthesizedExpressionSyntax
                or ConditionalExpressionSyntax or InitializerExpressionSyntax or SwitchExpressionArmSyntax or IfStatementSyntax or AssignmentExpressionSyntax
                or CastExpressionSyntax;
        }
        return e is not TypeSyntax;
    }

    /// <summary>Candidate replacements: a literal of the expression's type, then a same-typed operand.</summary>
    private static IEnumerable<ExpressionSyntax> ExpressionReplacements(ExpressionSyntax e)
    {
        // An index (or an operand of pointer arithmetic) is only replaced by 0: dropping its mask could read out of bounds.
        bool index = e.Parent is ArgumentSyntax { Parent: BracketedArgumentListSyntax };
        foreach (var lit in Literals(e))
            yield return lit;
        if (index)
            yield break;
        switch (e)
        {
            case ParenthesizedExpressionSyntax pe:
                yield return pe.Expression;
                break;
            case CheckedExpressionSyntax ce:
                yield return SyntaxFactory.ParenthesizedExpression(ce.Expression);
                break;
            case ConditionalExpressionSyntax c:
                yield return SyntaxFactory.ParenthesizedExpression(c.WhenTrue);
                yield return SyntaxFactory.ParenthesizedExpression(c.WhenFalse);
                break;
            case BinaryExpressionSyntax b when !IsMaskOrIndexArithmetic(b):
                yield return SyntaxFactory.ParenthesizedExpression(b.Left);
                yield return SyntaxFactory.ParenthesizedExpression(b.Right);
                break;
            case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression) || u.IsKind(SyntaxKind.BitwiseNotExpression) || u.IsKind(SyntaxKind.LogicalNotExpression):
                yield return SyntaxFactory.ParenthesizedExpression(u.Operand);
                break;
            case CastExpressionSyntax cast:
                yield return SyntaxFactory.ParenthesizedExpression(cast.Expression);
                break;
            case InvocationExpressionSyntax call when !(call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: ProtectedClass } }):
                foreach (var arg in call.ArgumentList.Arguments.Where(x => x.RefKindKeyword.RawKind == 0))
                    yield return SyntaxFactory.ParenthesizedExpression(arg.Expression);
                break;
            case SwitchExpressionSyntax sw:
                foreach (var arm in sw.Arms)
                    yield return SyntaxFactory.ParenthesizedExpression(arm.Expression);
                break;
        }
    }

    /// <summary><c>x &amp; 7</c>, <c>x % 8u</c>, <c>p + i</c>: removing either side could leave an unchecked access out of bounds.</summary>
    private static bool IsMaskOrIndexArithmetic(BinaryExpressionSyntax b) =>
        b.Ancestors().Any(a => a is BracketedArgumentListSyntax) && (b.IsKind(SyntaxKind.BitwiseAndExpression) || b.IsKind(SyntaxKind.ModuloExpression))
        || b.Ancestors().OfType<FixedStatementSyntax>().Any() || b.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PointerIndirectionExpression };

    /// <summary>Literals that may fit the expression's type; the compile check sorts out the ones that do not.</summary>
    private static IEnumerable<ExpressionSyntax> Literals(ExpressionSyntax e)
    {
        yield return SyntaxFactory.ParseExpression("0");
        if (e.Parent is not ArgumentSyntax { Parent: BracketedArgumentListSyntax })
        {
            yield return SyntaxFactory.ParseExpression("false");
            yield return SyntaxFactory.ParseExpression("default");
        }
    }
}
