using Veridian.Common;

namespace Veridian.CsSoak;

/// <summary>The repository (the folder holding Veridian.slnx) the tool works in: found upward from the current directory.</summary>
public static class RepoRoot
{
    public static string Find() =>
        SdkLayout.CheckoutAbove(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("run cs-soak inside the repository (no Veridian.slnx above " + Directory.GetCurrentDirectory() + ")");
}
