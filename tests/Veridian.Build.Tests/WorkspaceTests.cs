using Veridian.Build.Graph;

namespace Veridian.Build.Tests;

public class WorkspaceTests
{
    [Fact]
    public void A_workspace_builds_its_members_with_the_library_before_the_kernel_that_links_it()
    {
        using var p = new TempProject();
        p.Write("veridian.toml", "[workspace]\nmembers = [\"kernel\", \"klib\"]\n");
        p.Write("kernel/veridian.toml", "[project]\nname = \"k\"\nversion = \"0.1.0\"\nkind = \"kernel\"\nsources = [\"main.c\"]\ntargets = [\"aarch64-veridian-kernel-none\"]\n[dependencies]\nklib = { path = \"../klib\" }\n");
        p.Write("kernel/main.c", "#include \"klib.h\"\nvolatile int s;\n__attribute__((section(\".text.boot\"))) void _start(void) { s = klib_get(); for (;;) { } }\n");
        p.Write("klib/veridian.toml", "[project]\nname = \"klib\"\nversion = \"0.1.0\"\nkind = \"static-library\"\nsources = [\"*.c\"]\ninclude-dirs = [\".\"]\ntargets = [\"aarch64-veridian-kernel-none\"]\n");
        p.Write("klib/klib.h", "int klib_get(void);\n").Write("klib/k.c", "#include \"klib.h\"\nint klib_get(void) { return 5; }\n");
        var r = p.Build(allTargets: false);
        Assert.True(r.Succeeded, string.Join('\n', r.Graph.Actions.Select(a => a.Label + ": " + r.Outcome(a).ToolOutput)));
        // klib is planned once although it is both a member and a dependency.
        Assert.Single(r.Graph.Actions, a => a.Kind == ActionKind.Archive);
        var link = Assert.Single(r.Graph.Actions, a => a.Kind == ActionKind.Link);
        Assert.Contains(link.Inputs, e => e.Path == "../klib/out/aarch64-veridian-kernel-none/debug/libklib.a" && e.Reason.StartsWith("archive of dependency 'klib'", StringComparison.Ordinal));
        Assert.True(File.Exists(p.PathOf("kernel/out/aarch64-veridian-kernel-none/debug/k")));
    }
}
