using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Veridian.Diagnostics;
using Diagnostic = Veridian.Diagnostics.Diagnostic;

namespace Veridian.Compiler;

/// <summary>
/// Enforces subset v1 (docs/csharp-subset.md) on the user's sources before emit, on Roslyn's syntax and
/// operation trees, so every rejection carries the exact file:line. The core library is not checked.
/// </summary>
public static class SubsetChecker
{
    /// <summary>The subset violations in <paramref name="trees"/>, ordered by file and position, one per (code, place).</summary>
    public static IReadOnlyList<Diagnostic> Check(CSharpCompilation compilation, IReadOnlyList<SyntaxTree> trees)
    {
        var found = new List<(string File, int Pos, Diagnostic D)>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var walker = new Walker(model, (code, node, message, hint) =>
            {
                var loc = node.GetLocation();
                found.Add((tree.FilePath, loc.SourceSpan.Start, Diagnostic.Error(code, message, CSharpFrontEnd.ToLocation(loc), hint)));
            });
            walker.Visit(tree.GetRoot());
        }
        return found.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Pos)
            .Select(f => f.D).DistinctBy(d => (d.Code, d.Location)).ToList();
    }

    private delegate void Report(string code, SyntaxNode node, string message, string hint);

    private sealed class Walker(SemanticModel model, Report report) : CSharpSyntaxWalker
    {
        public override void VisitClassDeclaration(ClassDeclarationSyntax node)
        {
            if (node.Modifiers.Any(SyntaxKind.AbstractKeyword) && !node.Modifiers.Any(SyntaxKind.SealedKeyword) && !node.Modifiers.Any(SyntaxKind.StaticKeyword))
                report(CompilerCodes.VirtualDispatch, node.Identifier.Parent!, $"abstract class '{node.Identifier.Text}' is outside subset v1", "v1 has no dynamic dispatch; use a struct");
            if (node.BaseList is { } bases)
                report(CompilerCodes.ClassInstance, bases, $"class '{node.Identifier.Text}' derives from a type; class hierarchies are outside subset v1", "use a struct, or a static class");
            foreach (var member in node.Members)
            {
                bool instance = member switch
                {
                    FieldDeclarationSyntax f => !f.Modifiers.Any(SyntaxKind.StaticKeyword) && !f.Modifiers.Any(SyntaxKind.ConstKeyword),
                    MethodDeclarationSyntax m => !m.Modifiers.Any(SyntaxKind.StaticKeyword),
                    PropertyDeclarationSyntax p => !p.Modifiers.Any(SyntaxKind.StaticKeyword),
                    ConstructorDeclarationSyntax c => !c.Modifiers.Any(SyntaxKind.StaticKeyword),
                    IndexerDeclarationSyntax => true,
                    _ => false,
                };
                if (instance)
                    report(CompilerCodes.ClassInstance, member, $"instance member in class '{node.Identifier.Text}': class instances need an allocator, which subset v1 does not have",
                        "make the member static, or make the type a struct");
            }
            base.VisitClassDeclaration(node);
        }

        public override void VisitStructDeclaration(StructDeclarationSyntax node)
        {
            // LayoutKind.Auto (3) lets the runtime reorder fields (CoreCLR sorts them by size), so sizeof and offsets
            // would differ from CoreCLR's; the subset's one layout rule is C's.
            var layout = model.GetDeclaredSymbol(node)?.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.StructLayoutAttribute");
            if (layout is { ConstructorArguments: [{ Value: 3 }, ..] } && layout.ApplicationSyntaxReference?.GetSyntax() is { } at)
                report(CompilerCodes.AutoLayout, at, $"struct '{node.Identifier.Text}' asks for LayoutKind.Auto; subset v1 lays structs out in declaration order, as C does",
                    "use LayoutKind.Sequential (the default) and order the fields yourself, or LayoutKind.Explicit");
            base.VisitStructDeclaration(node);
        }

        public override void VisitFieldDeclaration(FieldDeclarationSyntax node)
        {
            // The static constructor runs once, on the thread that starts the program: every other thread would see
            // the field's default, not the initializer's value (CoreCLR's rule too), which is never what was meant.
            foreach (var v in node.Declaration.Variables)
            {
                if (v.Initializer is not null && model.GetDeclaredSymbol(v) is IFieldSymbol { IsStatic: true } field
                    && field.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ThreadStaticAttribute"))
                {
                    report(CompilerCodes.ThreadStaticInitializer, v, $"[ThreadStatic] field '{v.Identifier.Text}' has an initializer, which would set only the first thread's copy",
                        "drop the initializer: every thread's copy starts as zero; initialize it on first use");
                }
            }
            base.VisitFieldDeclaration(node);
        }

        public override void VisitInterfaceDeclaration(InterfaceDeclarationSyntax node) =>
            report(CompilerCodes.VirtualDispatch, node, $"interface '{node.Identifier.Text}' is outside subset v1", "use generics over structs or function pointers");

        public override void VisitRecordDeclaration(RecordDeclarationSyntax node) =>
            report(CompilerCodes.ClassInstance, node, "records are outside subset v1", "use a struct");

        public override void VisitDelegateDeclaration(DelegateDeclarationSyntax node) =>
            report(CompilerCodes.Delegate, node, "delegate types are outside subset v1", "use a function pointer type (delegate* unmanaged<...>)");

        public override void VisitEventFieldDeclaration(EventFieldDeclarationSyntax node) =>
            report(CompilerCodes.Delegate, node, "events are outside subset v1", "use a function pointer");

        public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
        {
            foreach (var m in node.Modifiers)
            {
                if (m.IsKind(SyntaxKind.VirtualKeyword) || m.IsKind(SyntaxKind.AbstractKeyword) || m.IsKind(SyntaxKind.OverrideKeyword))
                    report(CompilerCodes.VirtualDispatch, node, $"'{m.Text}' method '{node.Identifier.Text}' is outside subset v1", "v1 has no dynamic dispatch");
                if (m.IsKind(SyntaxKind.AsyncKeyword))
                    report(CompilerCodes.AsyncIterator, node, "async methods are outside subset v1", "write the state machine by hand");
            }
            base.VisitMethodDeclaration(node);
        }

        public override void VisitArrayType(ArrayTypeSyntax node)
        {
            // `static ReadOnlySpan<byte> X => new byte[] { ... }` is read-only data, not an array (checked on the operation).
            if (node.Parent is not (ArrayCreationExpressionSyntax or StackAllocArrayCreationExpressionSyntax))
                report(CompilerCodes.Array, node, "array types are outside subset v1 (arrays live on the heap)", "use Span<T>, stackalloc, a fixed buffer, or static ReadOnlySpan<T> data");
            base.VisitArrayType(node);
        }

        public override void VisitYieldStatement(YieldStatementSyntax node) =>
            report(CompilerCodes.AsyncIterator, node, "iterators (yield) are outside subset v1", "write an enumerator struct by hand");

        public override void VisitAwaitExpression(AwaitExpressionSyntax node) =>
            report(CompilerCodes.AsyncIterator, node, "await is outside subset v1", "write the state machine by hand");

        public override void VisitTryStatement(TryStatementSyntax node)
        {
            report(CompilerCodes.Exceptions, node, "try/catch/finally is outside subset v1 (no exceptions)", "return an error code, or call Veridian.Runtime.Panic.Fail");
            base.VisitTryStatement(node);
        }

        public override void VisitThrowStatement(ThrowStatementSyntax node) =>
            report(CompilerCodes.Exceptions, node, "throw is outside subset v1 (no exceptions)", "return an error code, or call Veridian.Runtime.Panic.Fail");

        public override void VisitThrowExpression(ThrowExpressionSyntax node) =>
            report(CompilerCodes.Exceptions, node, "throw is outside subset v1 (no exceptions)", "return an error code, or call Veridian.Runtime.Panic.Fail");

        public override void VisitUsingStatement(UsingStatementSyntax node)
        {
            report(CompilerCodes.Exceptions, node, "using statements are outside subset v1 (they need try/finally)", "call Dispose() explicitly");
            base.VisitUsingStatement(node);
        }

        public override void VisitLocalDeclarationStatement(LocalDeclarationStatementSyntax node)
        {
            if (node.UsingKeyword != default)
                report(CompilerCodes.Exceptions, node, "using declarations are outside subset v1 (they need try/finally)", "call Dispose() explicitly");
            base.VisitLocalDeclarationStatement(node);
        }

        public override void VisitLockStatement(LockStatementSyntax node)
        {
            report(CompilerCodes.Exceptions, node, "lock is outside subset v1", "use System.Threading.Interlocked");
            base.VisitLockStatement(node);
        }

        public override void VisitIdentifierName(IdentifierNameSyntax node)
        {
            if (node.IsVar == false && node.Identifier.Text == "dynamic" && model.GetTypeInfo(node).Type?.TypeKind == TypeKind.Dynamic)
                report(CompilerCodes.AsyncIterator, node, "dynamic is outside subset v1", "use static types");
            base.VisitIdentifierName(node);
        }

        public override void Visit(SyntaxNode? node)
        {
            if (node is not null && IsBodyOwner(node) && model.GetOperation(node) is { } op)
                new OperationChecker(report).Visit(op);
            base.Visit(node);
        }

        private static bool IsBodyOwner(SyntaxNode node) => node switch
        {
            BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => true,
            ArrowExpressionClauseSyntax a => a.Parent is PropertyDeclarationSyntax or IndexerDeclarationSyntax,
            EqualsValueClauseSyntax e => e.Parent is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or ParameterSyntax,
            _ => false,
        };
    }

    private sealed class OperationChecker(Report report) : OperationWalker
    {
        public override void DefaultVisit(IOperation operation)
        {
            switch (operation)
            {
                case IAnonymousFunctionOperation:
                    report(CompilerCodes.Delegate, operation.Syntax, "lambdas and anonymous methods are outside subset v1 (they allocate a closure and a delegate)", "use a static local function and &Function");
                    break;
                case IDelegateCreationOperation:
                    report(CompilerCodes.Delegate, operation.Syntax, "delegates are outside subset v1", "use a function pointer: &StaticMethod");
                    break;
                case IInterpolatedStringOperation:
                    report(CompilerCodes.StringBuilding, operation.Syntax, "string interpolation is outside subset v1 (it allocates)", "write the parts separately");
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                    report(CompilerCodes.StringBuilding, operation.Syntax, "string concatenation is outside subset v1 (it allocates)", "write the parts separately");
                    break;
                case IConversionOperation c when c.GetConversion().IsBoxing:
                    report(CompilerCodes.Boxing, c.Operand.Syntax, $"boxing '{c.Operand.Type?.ToDisplayString()}' to '{c.Type?.ToDisplayString()}' is outside subset v1 (it allocates)", "keep the value typed");
                    break;
                case ITypeOfOperation:
                    report(CompilerCodes.TypeInfo, operation.Syntax, "typeof is outside subset v1 (no run-time type information)", "use sizeof or generics");
                    break;
                case IIsTypeOperation:
                    report(CompilerCodes.TypeInfo, operation.Syntax, "type tests are outside subset v1 (no run-time type information)", "use a tag field");
                    break;
                case IDeclarationPatternOperation or ITypePatternOperation when operation is IPatternOperation p && p.InputType.IsReferenceType:
                    report(CompilerCodes.TypeInfo, operation.Syntax, "type patterns are outside subset v1 (no run-time type information)", "use a tag field");
                    break;
                case IConversionOperation { IsTryCast: true }:
                    report(CompilerCodes.TypeInfo, operation.Syntax, "'as' is outside subset v1 (no run-time type information)", "use a tag field");
                    break;
                case IObjectCreationOperation { Type.IsReferenceType: true } o:
                    report(CompilerCodes.ClassInstance, operation.Syntax, $"'new {o.Type!.ToDisplayString()}' allocates an object; subset v1 has no allocator", "use a struct");
                    break;
                case IArrayCreationOperation a when !IsConstantSpanData(a):
                    report(CompilerCodes.Array, operation.Syntax, "array creation is outside subset v1 (arrays live on the heap)", "use stackalloc, Span<T>, or static ReadOnlySpan<T> data with constant elements");
                    break;
                case IInvocationOperation inv when inv.TargetMethod.TypeArguments.Any(t => t.IsReferenceType) || (inv.TargetMethod.ContainingType?.TypeArguments.Any(t => t.IsReferenceType) ?? false):
                    report(CompilerCodes.GenericOverClass, operation.Syntax, $"'{inv.TargetMethod.ToDisplayString()}' is instantiated with a reference type; v1 generics take value types only", "use a struct or pointer type argument");
                    break;
                case IDynamicInvocationOperation or IDynamicMemberReferenceOperation:
                    report(CompilerCodes.AsyncIterator, operation.Syntax, "dynamic is outside subset v1", "use static types");
                    break;
                case IThrowOperation:
                    report(CompilerCodes.Exceptions, operation.Syntax, "throw is outside subset v1 (no exceptions)", "return an error code, or call Veridian.Runtime.Panic.Fail");
                    break;
            }
            base.DefaultVisit(operation);
        }

        /// <summary><c>new T[] { constants }</c> converted straight to ReadOnlySpan&lt;T&gt;: Roslyn emits read-only data, no array.</summary>
        private static bool IsConstantSpanData(IArrayCreationOperation a) =>
            a.Parent is IConversionOperation { Type: INamedTypeSymbol { Name: "ReadOnlySpan", ContainingNamespace.Name: "System" } }
            && a.Initializer is { } init && init.ElementValues.All(e => e.ConstantValue.HasValue);
    }
}
