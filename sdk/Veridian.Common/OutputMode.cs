namespace Veridian.Common;

/// <summary>What <see cref="ProcessRunner"/> does with a child's stdout or stderr.</summary>
public enum OutputMode
{
    /// <summary>Read into the <see cref="ProcessOutcome"/> (and echoed as it arrives, when an echo writer is given).</summary>
    Capture,

    /// <summary>Shared with this process: the child writes straight to our stream; the outcome holds nothing for it.</summary>
    Inherit,
}
