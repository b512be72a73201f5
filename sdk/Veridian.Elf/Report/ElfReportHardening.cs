namespace Veridian.Elf.Report;

/// <summary>The hardening facts of an <see cref="ElfReport"/> (from <see cref="ElfFacts"/>).</summary>
/// <param name="Pie">True for a position-independent executable.</param>
/// <param name="Relro"><c>none</c>, <c>partial</c> (PT_GNU_RELRO) or <c>full</c> (RELRO plus BIND_NOW).</param>
/// <param name="NonExecutableStack">True when the stack is not executable; null when the file does not say.</param>
/// <param name="StackProtector">True when the file references <c>__stack_chk_fail</c> or <c>__stack_chk_guard</c>.</param>
/// <param name="WritableAndExecutableSegment">True when a PT_LOAD segment is both writable and executable.</param>
public sealed record ElfReportHardening(bool Pie, string Relro, bool? NonExecutableStack, bool StackProtector, bool WritableAndExecutableSegment);
