using Veridian.Diagnostics;
using Veridian.Toolchain;

namespace Veridian.Build.Project;

/// <summary>A string written in a project file, with where it was written.</summary>
public readonly record struct Located(string Value, SourceLocation Location)
{
    public override string ToString() => Value;
}

/// <summary>Settings that add to the project's for one profile or one target.</summary>
public sealed record Settings
{
    public IReadOnlyList<Located> Sources { get; init; } = [];
    public IReadOnlyList<Located> IncludeDirs { get; init; } = [];
    public IReadOnlyList<string> Defines { get; init; } = [];
    public IReadOnlyList<string> Flags { get; init; } = [];
    public IReadOnlyList<string> LinkFlags { get; init; } = [];

    /// <summary>Prebuilt objects and archives to link after the unit's own objects (command-line projects: <c>x.o</c>, <c>libx.a</c>).</summary>
    public IReadOnlyList<Located> LinkInputs { get; init; } = [];
}

/// <summary>A build profile: optimisation level, debug info and extra settings.</summary>
public sealed record Profile(string Name, OptLevel OptLevel, bool DebugInfo, Settings Settings)
{
    /// <summary>The built-in debug and release profiles.</summary>
    public static Profile Default(string name) => name switch
    {
        "release" => new Profile("release", OptLevel.O2, false, new Settings()),
        _ => new Profile("debug", OptLevel.O0, true, new Settings()),
    };
}

/// <summary>A dependency on another project in the workspace.</summary>
public sealed record DependencySpec(string Name, string Directory, SourceLocation Location);

/// <summary>A parsed <c>veridian.toml</c> project. Paths are absolute; globs are relative to <see cref="Directory"/>.</summary>
public sealed record ProjectSpec
{
    public required string File { get; init; }
    public required string Directory { get; init; }
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required ProjectKind Kind { get; init; }
    public required SourceLocation KindLocation { get; init; }
    public required IReadOnlyList<Language> Languages { get; init; }
    public required Settings Common { get; init; }
    public required string? LinkerScript { get; init; }
    public required IReadOnlyList<Located> Targets { get; init; }
    public required IReadOnlyDictionary<string, Profile> Profiles { get; init; }
    public required IReadOnlyDictionary<string, (SourceLocation Location, Settings Settings)> TargetSettings { get; init; }
    public required IReadOnlyList<DependencySpec> Dependencies { get; init; }

    /// <summary>
    /// The folder that holds the build's <c>out/</c> (objects, images, state, lock): the project's own folder, or
    /// elsewhere for a command line that must not leave files where it was run (<c>veridian cs build</c>).
    /// </summary>
    public string BuildRoot { get => _buildRoot ?? Directory; init => _buildRoot = value; }

    private readonly string? _buildRoot;

    /// <summary>True for a project made from a folder or a command line (<see cref="ImplicitProject"/>), not read from a file.</summary>
    public bool Implicit { get; init; }

    /// <summary>The profile named <paramref name="name"/> (debug or release).</summary>
    public Profile Profile(string name) => Profiles.TryGetValue(name, out var p) ? p : Build.Project.Profile.Default(name);
}

/// <summary>A workspace: a <c>veridian.toml</c> with <c>[workspace] members = [...]</c>.</summary>
public sealed record WorkspaceSpec(string File, string Directory, IReadOnlyList<Located> Members);
