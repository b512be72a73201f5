using Veridian.Build.Graph;
using Veridian.Build.Project;
using Veridian.Diagnostics;

namespace Veridian.Build.Tests;

public class ProjectReaderTests
{
    private const string Valid = """
        [project]
        name = "k"
        version = "0.1.0"
        kind = "kernel"
        sources = ["src/*.c"]

        """;

    private static (bool Ok, object? Result, DiagnosticBag Bag) Parse(string text)
    {
        var bag = new DiagnosticBag();
        var ok = ProjectReader.TryParse(text, "/tmp/x/veridian.toml", "x/veridian.toml", out var result, bag);
        return (ok, result, bag);
    }

    [Fact]
    public void A_valid_project_reads_with_defaults_for_profiles_and_languages()
    {
        var (ok, result, bag) = Parse(Valid + "[profile.release]\nopt-level = \"s\"\n[target.x86_64-veridian-kernel-none]\ndefines = [\"X=1\"]\n[dependencies]\nklib = { path = \"../klib\" }\n");
        Assert.True(ok, string.Join('\n', bag));
        var p = Assert.IsType<ProjectSpec>(result);
        Assert.Equal("k", p.Name);
        Assert.Equal(ProjectKind.Kernel, p.Kind);
        Assert.Equal([Language.C], p.Languages);
        Assert.Equal(Veridian.Toolchain.OptLevel.Os, p.Profile("release").OptLevel);
        Assert.Equal(Veridian.Toolchain.OptLevel.O0, p.Profile("debug").OptLevel);
        Assert.True(p.Profile("debug").DebugInfo);
        Assert.Equal(["X=1"], p.TargetSettings["x86_64-veridian-kernel-none"].Settings.Defines);
        Assert.Equal("/tmp/klib", Assert.Single(p.Dependencies).Directory);
    }

    [Theory]
    [InlineData("sorces = [\"a.c\"]\n", BuildCodes.UnknownKey, "x/veridian.toml:6:1", "unknown key 'project.sorces'; did you mean 'sources'?")]
    [InlineData("include-dir = [\"inc\"]\n", BuildCodes.UnknownKey, "x/veridian.toml:6:1", "did you mean 'include-dirs'?")]
    [InlineData("targets = \"x86_64-veridian-kernel-none\"\n", BuildCodes.WrongType, "x/veridian.toml:6:11", "'project.targets' must be an array of strings, not a string")]
    [InlineData("defines = [1]\n", BuildCodes.WrongType, "x/veridian.toml:6:12", "must hold strings, not an integer")]
    [InlineData("[profile.relase]\n", BuildCodes.UnknownKey, "x/veridian.toml:6:2", "unknown profile 'relase'; did you mean 'release'?")]
    [InlineData("[profile.debug]\nopt-level = 7\n", BuildCodes.BadValue, "x/veridian.toml:7:13", "opt-level must be 0, 1, 2, 3, \"s\" or \"z\", not 7")]
    [InlineData("[profile.debug]\ndebug-info = \"yes\"\n", BuildCodes.WrongType, "x/veridian.toml:7:14", "must be a boolean, not a string")]
    [InlineData("[dependencies]\nklib = \"../klib\"\n", BuildCodes.WrongType, "x/veridian.toml:7:8", "dependency 'klib' must be a table")]
    [InlineData("[target.x86_64-veridian-kernel-none]\nopt-level = 2\n", BuildCodes.UnknownKey, "x/veridian.toml:7:1", "unknown key 'target.x86_64-veridian-kernel-none.opt-level'")]
    [InlineData("[projet]\n", BuildCodes.UnknownKey, "x/veridian.toml:6:2", "unknown key 'projet'; did you mean 'project'?")]
    [InlineData("name = \"again\"\n", BuildCodes.TomlSyntax, "x/veridian.toml:6:1", "already defined")]
    [InlineData("languages = [\"rust\"]\n", BuildCodes.BadValue, "x/veridian.toml:6:14", "unknown language 'rust'")]
    public void Bad_keys_and_values_report_a_code_position_and_message(string extra, string code, string location, string message)
    {
        var (ok, _, bag) = Parse(Valid + extra);
        Assert.False(ok);
        var d = Assert.Single(bag);
        Assert.Equal(code, d.Code);
        Assert.Equal(location, d.Location.ToString());
        Assert.Contains(message, d.Message);
    }

    [Theory]
    [InlineData("kind = \"kernal\"", "unknown kind 'kernal'; did you mean 'kernel'?", BuildCodes.BadValue)]
    [InlineData("kind = 3", "'project.kind' must be a string, not an integer", BuildCodes.WrongType)]
    [InlineData("name = \"a b\"", "project name 'a b' may use only letters", BuildCodes.BadValue)]
    [InlineData("version = \"1.0\"", "version '1.0' is not MAJOR.MINOR.PATCH", BuildCodes.BadValue)]
    public void Bad_project_values_are_reported_where_they_are_written(string line, string message, string code)
    {
        var key = line.Split(' ')[0];
        var text = string.Join('\n', Valid.Split('\n').Select(l => l.StartsWith(key + " ", StringComparison.Ordinal) ? line : l));
        var (ok, _, bag) = Parse(text);
        Assert.False(ok);
        var d = Assert.Single(bag);
        Assert.Equal(code, d.Code);
        Assert.Contains(message, d.Message);
        Assert.True(d.Location!.Value.Line > 1);
    }

    [Fact]
    public void A_missing_name_is_VDN1105()
    {
        var (ok, _, bag) = Parse(Valid.Replace("name = \"k\"\n", ""));
        Assert.False(ok);
        Assert.Contains(bag, d => d.Code == BuildCodes.MissingKey && d.Message.Contains("'name'"));
    }

    [Fact]
    public void A_syntax_error_is_VDN1101_with_its_line()
    {
        var (ok, _, bag) = Parse(Valid + "flags = [\n");
        Assert.False(ok);
        Assert.Equal(BuildCodes.TomlSyntax, bag[0].Code);
        Assert.Equal("x/veridian.toml", bag[0].Location!.Value.File);
        Assert.True(bag[0].Location!.Value.Line >= 6);
    }

    [Fact]
    public void A_workspace_lists_members()
    {
        var (ok, result, _) = Parse("[workspace]\nmembers = [\"a\", \"b\"]\n");
        Assert.True(ok);
        var ws = Assert.IsType<WorkspaceSpec>(result);
        Assert.Equal(["a", "b"], ws.Members.Select(m => m.Value));
    }

    [Fact]
    public void An_unknown_target_is_VDN1106_at_its_position_in_the_file()
    {
        using var p = new TempProject();
        p.Write("veridian.toml", Valid + "targets = [\"x86_64-veridian-kernal-none\"]\n").Write("src/a.c", "int a;\n");
        var e = Assert.Throws<DiagnosticException>(() => Planner.Plan(new BuildRequest(p.Dir, [], true, "debug")));
        Assert.Equal(BuildCodes.UnknownTarget, e.Diagnostic.Code);
        Assert.Equal(6, e.Diagnostic.Location!.Value.Line);
        Assert.Equal(12, e.Diagnostic.Location!.Value.Column);
    }

    [Fact]
    public void A_glob_matching_nothing_is_VDN1107()
    {
        using var p = new TempProject();
        p.Write("veridian.toml", Valid + "targets = " + TempProject.Kernels + "\n");
        var e = Assert.Throws<DiagnosticException>(() => Planner.Plan(new BuildRequest(p.Dir, [], true, "debug")));
        Assert.Equal(BuildCodes.GlobMatchesNothing, e.Diagnostic.Code);
        Assert.Equal(5, e.Diagnostic.Location!.Value.Line);
    }

    [Fact]
    public void A_source_in_a_language_not_listed_is_VDN1108()
    {
        using var p = new TempProject();
        p.Write("veridian.toml", Valid.Replace("src/*.c", "src/*") + "targets = " + TempProject.Kernels + "\n").Write("src/a.c", "int a;\n").Write("src/b.cpp", "int b;\n");
        var e = Assert.Throws<DiagnosticException>(() => Planner.Plan(new BuildRequest(p.Dir, [], true, "debug")));
        Assert.Equal(BuildCodes.LanguageNotEnabled, e.Diagnostic.Code);
        Assert.Contains("src/b.cpp", e.Diagnostic.Message);
    }

    [Fact]
    public void A_dependency_cycle_is_VDN1109()
    {
        using var p = new TempProject();
        p.Write("veridian.toml", Valid + "targets = " + TempProject.Kernels + "\n[dependencies]\nlib = { path = \"lib\" }\n").Write("src/a.c", "int a;\n");
        p.Write("lib/veridian.toml", "[project]\nname = \"lib\"\nversion = \"0.1.0\"\nkind = \"static-library\"\nsources = [\"*.c\"]\n[dependencies]\nme = { path = \"..\" }\n").Write("lib/l.c", "int l;\n");
        var e = Assert.Throws<DiagnosticException>(() => Planner.Plan(new BuildRequest(p.Dir, [], true, "debug")));
        Assert.Equal(BuildCodes.BadDependency, e.Diagnostic.Code);
    }
}
