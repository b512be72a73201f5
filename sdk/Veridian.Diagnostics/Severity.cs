namespace Veridian.Diagnostics;

/// <summary>How bad a diagnostic is.</summary>
public enum Severity
{
    Error,
    Warning,
    Note,
}
