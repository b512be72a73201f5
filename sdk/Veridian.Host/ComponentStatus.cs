namespace Veridian.Host;

/// <summary>What <see cref="HostProbe"/> found for one component.</summary>
public sealed record ComponentStatus(HostComponent Component, bool Found, string? Version)
{
    public string Name => Component.Name;
    public string Path => Component.Path;
}
