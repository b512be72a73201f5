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
        // Plain collections and a monitor: BlockingCollection wakes its idle consumers with an exception at the end,
        // and LINQ over tuples JIT-compiles framework generics — both cost a no-op build measurable time (bench/README.md).
        var pending = new Dictionary<T, int>(nodes.Count);
        var dependents = new Dictionary<T, List<T>>(nodes.Count);
        foreach (var n in nodes)
        {
            var count = 0;
            foreach (var d in dependencies(n))
            {
                count++;
                if (!dependents.TryGetValue(d, out var list))
                    dependents[d] = list = [];
                list.Add(n);
            }
            pending[n] = count;
        }
        var ready = new Queue<T>();
        var succeeded = new HashSet<T>();
        var remaining = nodes.Count;
        var failed = false;
        var gate = new object();
        foreach (var n in nodes)
        {
            if (pending[n] == 0)
                ready.Enqueue(n);
        }

        // Called with the gate held.
        void Done(T node, bool ok)
        {
            if (ok)
                succeeded.Add(node);
            else
                failed = true;
            if (dependents.TryGetValue(node, out var list))
            {
                foreach (var d in list)
                {
                    if (--pending[d] == 0)
                        ready.Enqueue(d);
                }
            }
            --remaining;
            Monitor.PulseAll(gate);
        }

        void Work()
        {
            while (true)
            {
                T node;
                bool go;
                lock (gate)
                {
                    while (ready.Count == 0 && remaining > 0)
                        Monitor.Wait(gate);
                    if (ready.Count == 0)
                        return;
                    node = ready.Dequeue();
                    go = !failed && !cancel.IsCancellationRequested && dependencies(node).All(succeeded.Contains);
                }
                var ok = false;
                if (go)
                    ok = run(node);
                else
                    skip(node, cancel.IsCancellationRequested);
                lock (gate)
                    Done(node, ok);
            }
        }

        var workers = new Thread[Math.Max(1, jobs)];
        for (var i = 0; i < workers.Length; i++)
            workers[i] = new Thread(Work) { IsBackground = true, Name = "veridian-build" };
        foreach (var w in workers)
            w.Start();
        foreach (var w in workers)
            w.Join();
    }
}
