namespace Veridian.Cli;

/// <summary>The value of the global <c>--color</c> option.</summary>
public enum ColorMode
{
    Auto,
    Always,
    Never,
}
