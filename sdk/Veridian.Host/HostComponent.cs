namespace Veridian.Host;

/// <summary>One line of <c>scripts/host-packages.txt</c>: a thing on the host the SDK uses.</summary>
public sealed record HostComponent(string Name, string Package, HostPackageSet Set, HostComponentKind Kind, string Path, string Purpose);
