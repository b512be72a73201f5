using System.Globalization;
using System.Reflection.Metadata;
using System.Text;

namespace Veridian.Compiler.Translate;

/// <summary>
/// try/finally regions. The subset has no exceptions, but Roslyn still emits them: a <c>fixed</c> statement left
/// by <c>break</c>, <c>continue</c>, <c>goto</c> or <c>return</c> unpins in a finally (ECMA-335 III.3.46 <c>leave</c>).
/// Without exceptions a finally only ever runs when a <c>leave</c> exits its try block, so it is lowered as a
/// subroutine: each leave stores which continuation it wants in the region's selector and branches to the
/// handler; <c>endfinally</c> switches on the selector (to the leave's target, or into the next enclosing
/// finally the same leave also exits). Fault handlers never run; catch and filter handlers are rejected.
/// </summary>
public sealed partial class MethodTranslator
{
    private sealed class FinallyRegion(int tryStart, int tryEnd, int handler, int handlerEnd, string selector)
    {
        public int TryStart { get; } = tryStart;
        public int TryEnd { get; } = tryEnd;
        public int Handler { get; } = handler;
        public int HandlerEnd { get; } = handlerEnd;
        public string Selector { get; } = selector;
        /// <summary>What endfinally does for each selector value (LLVM instructions ending in a branch).</summary>
        public List<string> Exits { get; } = [];
        public bool InTry(int offset) => offset >= TryStart && offset < TryEnd;
        public bool InHandler(int offset) => offset >= Handler && offset < HandlerEnd;
    }

    private readonly List<FinallyRegion> _finally = [];
    private readonly List<(FinallyRegion Region, string Placeholder)> _endFinally = [];
    private readonly HashSet<int> _faultHandlers = [];

    /// <summary>Reads the method's exception regions; throws for catch and filter handlers (outside the subset).</summary>
    private void ReadRegions(MethodBodyBlock body)
    {
        foreach (var r in body.ExceptionRegions)
        {
            switch (r.Kind)
            {
                case ExceptionRegionKind.Finally:
                    var selector = Alloca("i32", 4);
                    _finally.Add(new FinallyRegion(r.TryOffset, r.TryOffset + r.TryLength, r.HandlerOffset, r.HandlerOffset + r.HandlerLength, selector));
                    break;
                case ExceptionRegionKind.Fault:
                    _faultHandlers.Add(r.HandlerOffset);
                    break;
                case ExceptionRegionKind.Catch or ExceptionRegionKind.Filter:
                    throw new UnsupportedException("exception handling regions (catch/filter)");
            }
        }
    }

    /// <summary>Handler entries start blocks (nothing branches to them in IL).</summary>
    private IEnumerable<int> RegionBlockStarts() => _finally.Select(f => f.Handler).Concat(_faultHandlers);

    /// <summary><c>leave</c>: empties the stack, then runs the finally blocks it exits (innermost first) on the way to its target.</summary>
    private void Leave(int offset, int target)
    {
        _stack.Clear();
        var exited = _finally.Where(f => f.InTry(offset) && !f.InTry(target)).OrderBy(f => f.TryEnd - f.TryStart).ToList();
        if (exited.Count == 0)
        {
            BranchTo(target);
            return;
        }
        SpillFor(target);
        // Continuation of the outermost exited finally: the target; of each inner one: enter the next finally out.
        string next = $"br label %L{target}";
        for (int i = exited.Count - 1; i >= 0; i--)
        {
            var region = exited[i];
            int id = region.Exits.Count;
            region.Exits.Add(next);
            next = $"store i32 {id}, ptr {region.Selector}\n  br label %L{region.Handler}";
        }
        Emit(next);
        _terminated = true;
    }

    /// <summary><c>endfinally</c>: a placeholder for the dispatch, written once every leave has registered its continuation.</summary>
    private void EndFinally(int offset)
    {
        _stack.Clear();
        var region = _finally.Where(f => f.InHandler(offset)).OrderBy(f => f.HandlerEnd - f.Handler).FirstOrDefault();
        if (region is null)
        {
            Emit("unreachable"); // the end of a fault handler: no exceptions, never reached
        }
        else
        {
            var placeholder = $"; endfinally {_endFinally.Count}";
            _endFinally.Add((region, placeholder));
            Emit(placeholder);
        }
        _terminated = true;
    }

    /// <summary>Replaces the endfinally placeholders by a switch over the region's selector.</summary>
    private void WriteFinallyDispatch()
    {
        for (int n = 0; n < _endFinally.Count; n++)
        {
            var (region, placeholder) = _endFinally[n];
            var sb = new StringBuilder();
            if (region.Exits.Count == 0)
            {
                sb.Append("unreachable");
            }
            else
            {
                var sel = $"%fsel{n}";
                sb.Append(CultureInfo.InvariantCulture, $"{sel} = load i32, ptr {region.Selector}\n");
                sb.Append(CultureInfo.InvariantCulture, $"  switch i32 {sel}, label %fin{n}.bad [ {string.Join(" ", region.Exits.Select((_, k) => $"i32 {k}, label %fin{n}.{k}"))} ]\n");
                for (int k = 0; k < region.Exits.Count; k++)
                    sb.Append(CultureInfo.InvariantCulture, $"fin{n}.{k}:\n  {region.Exits[k]}\n");
                sb.Append(CultureInfo.InvariantCulture, $"fin{n}.bad:\n  unreachable");
            }
            _body.Replace(placeholder + "\n", sb.Append('\n').ToString());
        }
    }
}
