namespace Veridian.Build.Execution;

/// <summary>
/// Runs the nodes of a dependency graph on up to N worker threads, each as soon as its dependencies are done.
/// A node whose dependency failed, or that is reached after a failure or a cancellation, is not run but
/// reported through <c>skip</c>. Knows nothing of builds: the executor gives it actions and what to do with one.
/// </summary>
public static class Scheduler
{
    /// <summary>Runs <paramref name="nodes"/>; returns when every node has been run or skipped.</summary>
    /// <param name="nodes">Every node; each node's dependencies are among them.</param>
    /// <param name="dependencies">The nodes a node waits for.</param>
    /// <param name="jobs">Worker threads (at least 1).</param>
    /// <param name="run">Runs a node; returns true when it succeeded. Called on a worker thread.</param>
    /// <param name="skip">Called instead of <paramref name="run"/> for a node that must not run: (node, the build was cancelled).</param>
    /// <param name="cancel">Stops starting nodes; running nodes see it through their own token.</param>
    public static void Run<T>(IReadOnlyList<T> nodes, Func<T, IEnumerable<T>> dependencies, int jobs, Func<T, bool> run, Action<T, bool> skip, CancellationToken cancel)
        where T : notnull
    {
        var pending = nodes.ToDictionary(n => n, n => dependencies(n).Count());
        var dependents = nodes.SelectMany(n => dependencies(n).Select(d => (d, n))).ToLookup(p => p.d, p => p.n);
        var ready = new System.Collections.Concurrent.BlockingCollection<T>();
        var succeeded = new HashSet<T>();
        var remaining = nodes.Count;
        var failed = false;
        var gate = new object();
        foreach (var n in nodes.Where(n => pending[n] == 0))
            ready.Add(n);
        if (remaining == 0)
            ready.CompleteAdding();

        void Done(T node, bool ok)
        {
            lock (gate)
            {
                if (ok)
                    succeeded.Add(node);
                else
                    failed = true;
                foreach (var d in dependents[node])
                {
                    if (--pending[d] == 0)
                        ready.Add(d);
                }
                if (--remaining == 0)
                    ready.CompleteAdding();
            }
        }

        var workers = Enumerable.Range(0, Math.Max(1, jobs)).Select(_ => new Thread(() =>
        {
            foreach (var node in ready.GetConsumingEnumerable())
            {
                bool go;
                lock (gate)
                    go = !failed && !cancel.IsCancellationRequested && dependencies(node).All(succeeded.Contains);
                var ok = false;
                if (go)
                    ok = run(node);
                else
                    skip(node, cancel.IsCancellationRequested);
                Done(node, ok);
            }
        }) { IsBackground = true, Name = "veridian-build" }).ToList();
        foreach (var w in workers)
            w.Start();
        foreach (var w in workers)
            w.Join();
    }
}
