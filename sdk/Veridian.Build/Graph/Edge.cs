namespace Veridian.Build.Graph;

/// <summary>
/// An input of an action: a path (relative to the action's project), why it is an input, and the action producing it
/// (if any). Every input's content goes into the action's key.
/// </summary>
public sealed record Edge(string Path, string Reason, BuildAction? Producer)
{
    /// <summary>True when a link or archive takes the file itself: an object built here, or a prebuilt object or archive.</summary>
    public bool Linked { get; init; } = Producer is not null;
}
