using System.Collections.Concurrent;
using System.Diagnostics;

namespace Veridian.CsSoak;

/// <summary>Where a soak's time goes (summed over workers), printed at the end of a run.</summary>
public static class Timings
{
    private static readonly ConcurrentDictionary<string, long> s_ticks = new(StringComparer.Ordinal);

    public static T Measure<T>(string phase, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            s_ticks.AddOrUpdate(phase, Stopwatch.GetTimestamp() - start, (_, t) => t + Stopwatch.GetTimestamp() - start);
        }
    }

    public static string Summary() =>
        string.Join(", ", s_ticks.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {TimeSpan.FromTicks(p.Value * TimeSpan.TicksPerSecond / Stopwatch.Frequency).TotalSeconds:0.0} s"));
}
