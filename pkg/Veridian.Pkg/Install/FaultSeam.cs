namespace Veridian.Pkg.Install;

/// <summary>
/// A test seam: called before every step that changes the sysroot, numbered from 1. A test throws
/// <see cref="IOException"/> to simulate a disk error (the transaction rolls back at once) or
/// <see cref="SimulatedCrashException"/> to simulate the process dying there (nothing is cleaned up;
/// the next run recovers from the journal).
/// </summary>
public interface IFaultSeam
{
    void BeforeStep(int step, string description);
}

/// <summary>Thrown by a <see cref="IFaultSeam"/> to stop a transaction as if the process had been killed.</summary>
public sealed class SimulatedCrashException(int step) : Exception($"simulated crash before step {step}")
{
    public int Step { get; } = step;
}

/// <summary>A seam from a delegate.</summary>
public sealed class DelegateSeam(Action<int, string> before) : IFaultSeam
{
    public void BeforeStep(int step, string description) => before(step, description);
}
