using Veridian.Build.Cache;
using Veridian.Build.Graph;
using Veridian.Build.Project;
using Veridian.Build.Toolchain;
using Veridian.Common;

namespace Veridian.Build.Execution;

/// <summary>
/// An action's keys: the <b>config</b> key (kind, tools, target facts, language, sources, level, arguments), the
/// <b>base</b> key (config plus every input's path and content hash) and, for compiles, the <b>full</b> key (base plus
/// the headers the depfile reported). Equal keys mean equal outputs; the cache and the up-to-date check rest on that.
/// </summary>
public sealed class ActionKeys(IBuildToolchain toolchain)
{
    public string Config(BuildAction action) => Sha256Hash.HexOfParts([
        "veridian-build-v1", ActionKinds.Name(action.Kind), toolchain.Identity, action.Unit.Target.Facts,
        action.Language is { } l ? Languages.Name(l) : "", action.Source ?? "", action.Kind is ActionKind.Compile or ActionKind.Codegen ? OptLevelKey(action.OptLevel) : "", .. action.Arguments]);

    public static string Base(string config, IEnumerable<HeaderHash> inputs) => Sha256Hash.HexOfParts([config, .. inputs.SelectMany(i => new[] { i.Path, i.Hash })]);

    public static string WithHeaders(string baseKey, IEnumerable<HeaderHash> headers) => Sha256Hash.HexOfParts([baseKey, .. headers.SelectMany(h => new[] { h.Path, h.Hash })]);

    /// <summary>The level as action keys have always spelt it (0 1 2 3 s z), so the cache survives the enum.</summary>
    private static string OptLevelKey(global::Veridian.Toolchain.OptLevel level) => level.ToString()[1..];
}
