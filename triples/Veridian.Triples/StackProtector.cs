namespace Veridian.Triples;

/// <summary>The stack protector the compiler inserts.</summary>
public enum StackProtector
{
    /// <summary>None (<c>-fno-stack-protector</c>): nothing provides <c>__stack_chk_guard</c>/<c>__stack_chk_fail</c>.</summary>
    None,

    /// <summary><c>-fstack-protector-strong</c>; the C library provides the guard and the failure handler.</summary>
    Strong,
}
