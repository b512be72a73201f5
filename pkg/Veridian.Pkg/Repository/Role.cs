namespace Veridian.Pkg.Repository;

/// <summary>The four top-level roles of TUF (docs/pkg-repository.md).</summary>
public enum Role
{
    Root,
    Snapshot,
    Targets,
    Timestamp,
}

/// <summary>Role names as the metadata spells them.</summary>
public static class Roles
{
    /// <summary>In the order the root metadata lists them (ordinal order of their names).</summary>
    public static readonly IReadOnlyList<Role> All = [Role.Root, Role.Snapshot, Role.Targets, Role.Timestamp];

    public static string Name(Role role) => role switch
    {
        Role.Root => "root",
        Role.Snapshot => "snapshot",
        Role.Targets => "targets",
        Role.Timestamp => "timestamp",
    };

    public static bool TryParse(string text, out Role role)
    {
        foreach (var r in All)
        {
            if (Name(r) == text)
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }
}
