namespace Veridian.Common.Tests;

/// <summary>One class: these tests change process-wide environment variables, so they must not run in parallel with each other.</summary>
public sealed class SdkLayoutTests
{
    [Fact]
    public void The_checkout_is_the_folder_holding_the_solution_above_the_binaries()
    {
        var checkout = SdkLayout.Checkout;
        Assert.NotNull(checkout);
        Assert.True(File.Exists(Path.Combine(checkout, SdkLayout.SolutionFile)));
        Assert.StartsWith(checkout + "/", AppContext.BaseDirectory);
        Assert.Equal(Veridian.Tests.Repo.Root, checkout);
        Assert.Equal(Path.Combine(checkout, "artifacts"), SdkLayout.Artifacts);
    }

    [Fact]
    public void No_solution_above_a_folder_means_no_checkout()
    {
        using var dir = new TempDir();
        Assert.Null(SdkLayout.CheckoutAbove(dir.Path));
        File.WriteAllText(dir[SdkLayout.SolutionFile], "<Solution />");
        Directory.CreateDirectory(Path.Combine(dir.Path, "a", "b"));
        Assert.Equal(dir.Path, SdkLayout.CheckoutAbove(Path.Combine(dir.Path, "a", "b")));
    }

    [Fact]
    public void The_default_sysroot_is_the_variable_made_absolute_else_artifacts_sysroot()
    {
        var old = Environment.GetEnvironmentVariable(SdkLayout.SysrootVariable);
        try
        {
            Environment.SetEnvironmentVariable(SdkLayout.SysrootVariable, null);
            Assert.Equal(Path.Combine(SdkLayout.Artifacts, "sysroot"), SdkLayout.DefaultSysroot);
            Environment.SetEnvironmentVariable(SdkLayout.SysrootVariable, "/opt/sr");
            Assert.Equal("/opt/sr", SdkLayout.DefaultSysroot);
            Environment.SetEnvironmentVariable(SdkLayout.SysrootVariable, "rel/sr");
            Assert.Equal(Path.GetFullPath("rel/sr"), SdkLayout.DefaultSysroot);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SdkLayout.SysrootVariable, old);
        }
    }

    [Fact]
    public void The_cache_is_the_variable_else_XDG_else_home()
    {
        var oldCache = Environment.GetEnvironmentVariable(SdkLayout.CacheVariable);
        var oldXdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable(SdkLayout.CacheVariable, "/tmp/c");
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/tmp/x");
            Assert.Equal("/tmp/c", SdkLayout.CacheDirectory);
            Environment.SetEnvironmentVariable(SdkLayout.CacheVariable, null);
            Assert.Equal("/tmp/x/veridian", SdkLayout.CacheDirectory);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", null);
            Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "veridian"), SdkLayout.CacheDirectory);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SdkLayout.CacheVariable, oldCache);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", oldXdg);
        }
    }
}
