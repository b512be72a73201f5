namespace Veridian.Pkg.Repository;

/// <summary>How long each role's metadata stays valid when <c>repo</c> signs it (docs/pkg-repository.md).</summary>
public sealed record RepoExpiry
{
    public static readonly RepoExpiry Default = new();

    public TimeSpan Root { get; init; } = TimeSpan.FromDays(365);
    public TimeSpan Targets { get; init; } = TimeSpan.FromDays(90);
    public TimeSpan Snapshot { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan Timestamp { get; init; } = TimeSpan.FromDays(1);
}
