namespace Veridian.Build.Graph;

/// <summary>An input of an action: a path (relative to the action's project), why it is an input, and the action producing it (if any).</summary>
public sealed record Edge(string Path, string Reason, BuildAction? Producer);
