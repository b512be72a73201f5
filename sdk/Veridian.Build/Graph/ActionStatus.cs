namespace Veridian.Build.Graph;

/// <summary>What happened to an action in a build.</summary>
public enum ActionStatus
{
    /// <summary>Not reached (the build stopped first).</summary>
    Pending,

    /// <summary>Its output already held the result for its key: nothing ran.</summary>
    UpToDate,

    /// <summary>Its outputs were restored from the user cache.</summary>
    Cached,

    /// <summary>The tool ran.</summary>
    Ran,

    /// <summary>The tool failed.</summary>
    Failed,

    /// <summary>Not run because an input failed or the build was interrupted.</summary>
    Skipped,
}
