using System.Text.RegularExpressions;
using Veridian.Diagnostics;
using Veridian.Toolchain;

namespace Veridian.Build.Project;

/// <summary>
/// Reads <c>veridian.toml</c> (docs/veridian-toml.md). <see cref="Read"/> throws a
/// <see cref="DiagnosticException"/> with every problem found; <see cref="TryRead"/> does not.
/// </summary>
public static partial class ProjectReader
{
    /// <summary>The project file name.</summary>
    public const string FileName = "veridian.toml";

    private static readonly string[] s_topKeys = ["project", "profile", "target", "dependencies", "workspace"];
    private static readonly string[] s_projectKeys =
        ["name", "version", "kind", "languages", "sources", "include-dirs", "defines", "flags", "link-flags", "linker-script", "targets"];
    private static readonly string[] s_profileKeys = ["opt-level", "debug-info", "defines", "flags"];
    private static readonly string[] s_targetKeys = ["sources", "include-dirs", "defines", "flags", "link-flags"];
    private static readonly string[] s_kinds = ["executable", "static-library", "kernel", "package"];
    private static readonly string[] s_optLevels = ["0", "1", "2", "3", "s", "z"];

    /// <summary>The project or workspace file in <paramref name="pathOrFolder"/> (a folder or the toml itself).</summary>
    public static string Locate(string pathOrFolder)
    {
        var full = Path.GetFullPath(pathOrFolder);
        var file = Directory.Exists(full) ? Path.Combine(full, FileName) : full;
        if (!File.Exists(file))
        {
            throw DiagnosticException.Error(BuildCodes.NoProjectFile, $"no {FileName} in '{pathOrFolder}'",
                hint: "pass a folder holding a veridian.toml (a project or a workspace); see docs/veridian-toml.md");
        }
        return file;
    }

    /// <summary>Reads a project or workspace file; throws a diagnostic exception on any error.</summary>
    public static object Read(string file, string? displayPath = null)
    {
        if (!TryRead(file, out var result, out var bag, displayPath))
            throw new DiagnosticException(bag.ToArray());
        return result!;
    }

    /// <summary>Reads a project (<see cref="ProjectSpec"/>) or workspace (<see cref="WorkspaceSpec"/>) file.</summary>
    public static bool TryRead(string file, out object? result, out DiagnosticBag diagnostics, string? displayPath = null)
    {
        diagnostics = new DiagnosticBag();
        result = null;
        var display = displayPath ?? DisplayPath(file);
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException e)
        {
            diagnostics.Error(Veridian.Diagnostics.CliCodes.FileNotFound, $"cannot read {display}: {e.Message}");
            return false;
        }
        return TryParse(text, Path.GetFullPath(file), display, out result, diagnostics);
    }

    /// <summary>Parses project text (the file path is used for relative paths and messages).</summary>
    internal static bool TryParse(string text, string fullPath, string display, out object? result, DiagnosticBag bag)
    {
        result = null;
        var root = TomlTree.Parse(text, display, bag);
        if (bag.HasErrors)
            return false;
        var dir = Path.GetDirectoryName(fullPath)!;
        CheckKeys(root, s_topKeys, "", bag);
        if (root.Get("workspace") is { } ws)
        {
            if (root.Get("project") is { } p)
                bag.Error(BuildCodes.BadValue, "a file is either a project ([project]) or a workspace ([workspace]), not both", p.Location);
            if (!ExpectTable(ws, "workspace", bag))
                return false;
            CheckKeys(ws, ["members"], "workspace.", bag);
            var members = StringList(ws, "members", "workspace.", bag);
            if (ws.Get("members") is null)
                bag.Error(BuildCodes.MissingKey, "[workspace] needs 'members'", ws.Location, "members = [\"folder\", ...]");
            if (bag.HasErrors)
                return false;
            result = new WorkspaceSpec(fullPath, dir, members);
            return true;
        }
        var project = root.Get("project");
        if (project is null)
        {
            bag.Error(BuildCodes.MissingKey, "no [project] table", root.Location, "start the file with [project] and name = \"...\"; see docs/veridian-toml.md");
            return false;
        }
        if (!ExpectTable(project, "project", bag))
            return false;
        CheckKeys(project, s_projectKeys, "project.", bag);

        var name = RequiredString(project, "name", bag);
        if (name is { } n && !NamePattern().IsMatch(n.Value))
            bag.Error(BuildCodes.BadValue, $"project name '{n.Value}' may use only letters, digits, '_', '-' and '.'", n.Location);
        var version = RequiredString(project, "version", bag);
        if (version is { } v && !VersionPattern().IsMatch(v.Value))
            bag.Error(BuildCodes.BadValue, $"version '{v.Value}' is not MAJOR.MINOR.PATCH", v.Location, "e.g. version = \"0.1.0\"");
        var kindText = RequiredString(project, "kind", bag);
        var kind = ProjectKind.Executable;
        if (kindText is { } k)
        {
            var parsed = ParseKind(k.Value);
            if (parsed is null)
                bag.Error(BuildCodes.BadValue, $"unknown kind '{k.Value}'" + DidYouMean(k.Value, s_kinds), k.Location, $"kind is one of: {string.Join(", ", s_kinds)}");
            else
                kind = parsed.Value;
        }
        var languages = new List<Language>();
        foreach (var l in StringList(project, "languages", "project.", bag))
        {
            var lang = Languages.Parse(l.Value);
            if (lang is null)
            {
                var names = Languages.All.Select(Languages.Name).ToList();
                bag.Error(BuildCodes.BadValue, $"unknown language '{l.Value}'" + DidYouMean(l.Value, names), l.Location, $"languages are: {string.Join(", ", names)}");
            }
            else if (!languages.Contains(lang.Value))
                languages.Add(lang.Value);
        }
        if (project.Get("languages") is null)
            languages.Add(Language.C);
        var common = ReadSettings(project, "project.", bag);
        if (project.Get("sources") is null)
            bag.Error(BuildCodes.MissingKey, "[project] needs 'sources'", project.Location, "e.g. sources = [\"src/**/*.c\"]");
        var linkerScript = OptionalString(project, "linker-script", "project.", bag);
        var targets = StringList(project, "targets", "project.", bag);

        var profiles = new Dictionary<string, Profile>(StringComparer.Ordinal)
        {
            ["debug"] = Profile.Default("debug"),
            ["release"] = Profile.Default("release"),
        };
        if (root.Get("profile") is { } profileTable && ExpectTable(profileTable, "profile", bag))
        {
            foreach (var (pname, ploc, pnode) in profileTable.Entries)
            {
                if (!profiles.ContainsKey(pname))
                {
                    bag.Error(BuildCodes.UnknownKey, $"unknown profile '{pname}'" + DidYouMean(pname, ["debug", "release"]), ploc, "profiles are debug and release");
                    continue;
                }
                if (!ExpectTable(pnode, $"profile.{pname}", bag))
                    continue;
                CheckKeys(pnode, s_profileKeys, $"profile.{pname}.", bag);
                var baseProfile = profiles[pname];
                var opt = baseProfile.OptLevel;
                if (pnode.Get("opt-level") is { } o)
                {
                    var level = o.Kind switch
                    {
                        TomlNodeKind.Integer => o.Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        TomlNodeKind.String => o.String!,
                        _ => null,
                    };
                    if (level is null || !s_optLevels.Contains(level))
                        bag.Error(BuildCodes.BadValue, $"opt-level must be 0, 1, 2, 3, \"s\" or \"z\", not {Describe(o)}", o.Location);
                    else
                        opt = OptLevels.Parse(level)!.Value;
                }
                var debugInfo = baseProfile.DebugInfo;
                if (pnode.Get("debug-info") is { } d)
                {
                    if (d.Kind == TomlNodeKind.Boolean)
                        debugInfo = d.Boolean;
                    else
                        bag.Error(BuildCodes.WrongType, $"'profile.{pname}.debug-info' must be a boolean, not {d.TypeName}", d.Location, "debug-info = true");
                }
                profiles[pname] = new Profile(pname, opt, debugInfo, ReadSettings(pnode, $"profile.{pname}.", bag));
            }
        }

        var targetSettings = new Dictionary<string, (SourceLocation, Settings)>(StringComparer.Ordinal);
        if (root.Get("target") is { } targetTable && ExpectTable(targetTable, "target", bag))
        {
            foreach (var (tname, tloc, tnode) in targetTable.Entries)
            {
                if (!ExpectTable(tnode, $"target.{tname}", bag))
                    continue;
                CheckKeys(tnode, s_targetKeys, $"target.{tname}.", bag);
                targetSettings[tname] = (tloc, ReadSettings(tnode, $"target.{tname}.", bag));
            }
        }

        var dependencies = new List<DependencySpec>();
        if (root.Get("dependencies") is { } deps && ExpectTable(deps, "dependencies", bag))
        {
            foreach (var (dname, dloc, dnode) in deps.Entries)
            {
                if (dnode.Kind != TomlNodeKind.Table)
                {
                    bag.Error(BuildCodes.WrongType, $"dependency '{dname}' must be a table, not {dnode.TypeName}", dnode.Location, $"{dname} = {{ path = \"../{dname}\" }}");
                    continue;
                }
                CheckKeys(dnode, ["path"], $"dependencies.{dname}.", bag);
                var path = dnode.Get("path");
                if (path is null || path.Kind != TomlNodeKind.String)
                {
                    bag.Error(path is null ? BuildCodes.MissingKey : BuildCodes.WrongType, $"dependency '{dname}' needs path = \"<folder>\"", path?.Location ?? dloc);
                    continue;
                }
                dependencies.Add(new DependencySpec(dname, Path.GetFullPath(Path.Combine(dir, path.String!)), path.Location));
            }
        }

        if (bag.HasErrors)
            return false;
        result = new ProjectSpec
        {
            File = fullPath,
            Directory = dir,
            Name = name!.Value.Value,
            Version = version!.Value.Value,
            Kind = kind,
            KindLocation = kindText!.Value.Location,
            Languages = languages,
            Common = common,
            LinkerScript = linkerScript is { } ls ? Path.GetFullPath(Path.Combine(dir, ls.Value)) : null,
            Targets = targets,
            Profiles = profiles,
            TargetSettings = targetSettings,
            Dependencies = dependencies,
        };
        return true;
    }

    /// <summary>The kind for its spelling in <c>kind = "..."</c>.</summary>
    public static ProjectKind? ParseKind(string text) => text switch
    {
        "executable" => ProjectKind.Executable,
        "static-library" => ProjectKind.StaticLibrary,
        "kernel" => ProjectKind.Kernel,
        "package" => ProjectKind.Package,
        _ => null,
    };

    private static Settings ReadSettings(TomlNode table, string prefix, DiagnosticBag bag) => new()
    {
        Sources = StringList(table, "sources", prefix, bag),
        IncludeDirs = StringList(table, "include-dirs", prefix, bag),
        Defines = StringList(table, "defines", prefix, bag).Select(d => d.Value).ToList(),
        Flags = StringList(table, "flags", prefix, bag).Select(d => d.Value).ToList(),
        LinkFlags = StringList(table, "link-flags", prefix, bag).Select(d => d.Value).ToList(),
    };

    private static void CheckKeys(TomlNode table, string[] known, string prefix, DiagnosticBag bag)
    {
        foreach (var (key, loc, _) in table.Entries)
        {
            if (!known.Contains(key))
            {
                bag.Error(BuildCodes.UnknownKey, $"unknown key '{prefix}{key}'" + DidYouMean(key, known), loc,
                    $"the keys here are: {string.Join(", ", known)}");
            }
        }
    }

    private static string DidYouMean(string typed, IEnumerable<string> known) =>
        Suggest.Closest(typed, known) is { } guess ? $"; did you mean '{guess}'?" : "";

    private static bool ExpectTable(TomlNode node, string name, DiagnosticBag bag)
    {
        if (node.Kind == TomlNodeKind.Table)
            return true;
        bag.Error(BuildCodes.WrongType, $"'{name}' must be a table, not {node.TypeName}", node.Location);
        return false;
    }

    private static Located? RequiredString(TomlNode table, string key, DiagnosticBag bag)
    {
        var node = table.Get(key);
        if (node is null)
        {
            bag.Error(BuildCodes.MissingKey, $"[project] needs '{key}'", table.Location, $"add {key} = \"...\"; see docs/veridian-toml.md");
            return null;
        }
        return OptionalString(table, key, "project.", bag);
    }

    private static Located? OptionalString(TomlNode table, string key, string prefix, DiagnosticBag bag)
    {
        var node = table.Get(key);
        if (node is null)
            return null;
        if (node.Kind != TomlNodeKind.String)
        {
            bag.Error(BuildCodes.WrongType, $"'{prefix}{key}' must be a string, not {node.TypeName}", node.Location, $"{key} = \"...\"");
            return null;
        }
        return new Located(node.String!, node.Location);
    }

    private static List<Located> StringList(TomlNode table, string key, string prefix, DiagnosticBag bag)
    {
        var node = table.Get(key);
        var list = new List<Located>();
        if (node is null)
            return list;
        if (node.Kind != TomlNodeKind.Array)
        {
            bag.Error(BuildCodes.WrongType, $"'{prefix}{key}' must be an array of strings, not {node.TypeName}", node.Location, $"{key} = [\"...\"]");
            return list;
        }
        foreach (var item in node.Items)
        {
            if (item.Kind != TomlNodeKind.String)
                bag.Error(BuildCodes.WrongType, $"'{prefix}{key}' must hold strings, not {item.TypeName}", item.Location);
            else
                list.Add(new Located(item.String!, item.Location));
        }
        return list;
    }

    private static string Describe(TomlNode node) => node.Kind switch
    {
        TomlNodeKind.String => $"\"{node.String}\"",
        TomlNodeKind.Integer => node.Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TomlNodeKind.Boolean or TomlNodeKind.Float or TomlNodeKind.DateTime or TomlNodeKind.Array or TomlNodeKind.Table => node.TypeName,
    };

    /// <summary>A path as the user should see it: relative to the current directory when below it.</summary>
    public static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return rel.StartsWith("..", StringComparison.Ordinal) ? full : rel;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionPattern();
}
