namespace Veridian.Triples;

/// <summary>Where in the system the code runs (the third component of a VeridianOS triple).</summary>
public enum Subsystem
{
    /// <summary>The kernel: freestanding, no red zone, no FP/SIMD unless the target says so, static, linked at the load address.</summary>
    Kernel,

    /// <summary>User-space programs (on Linux targets: ordinary hosted programs).</summary>
    User,

    /// <summary>User-space drivers. The subsystem is known to the parser; a driver target is added as data in the database.</summary>
    Driver,
}
