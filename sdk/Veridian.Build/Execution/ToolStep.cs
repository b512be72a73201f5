using Veridian.Build.Cache;
using Veridian.Build.Graph;
using Veridian.Build.Project;
using Veridian.Build.Toolchain;
using Veridian.Common;

namespace Veridian.Build.Execution;

/// <summary>
/// Runs an action's tool: the toolchain writes a temporary file beside the output, which is renamed into place
/// only when the tool succeeded; a compile's depfile gives the headers that complete its key; the result is
/// stored in the cache.
/// </summary>
public sealed class ToolStep(IBuildToolchain toolchain, ActionCache cache, BuildMemory memory)
{
    public ActionOutcome Run(BuildAction action, string config, string baseKey, IReadOnlyList<HeaderHash> inputs, ActionRecord? previous, CancellationToken cancel)
    {
        var dir = action.Unit.Project.Directory;
        var temp = AtomicFile.TempBeside(action.OutputPath);
        var tempRel = Planner.Relative(dir, temp);
        string? depfile = null;
        try
        {
            StepResult result;
            switch (action.Kind)
            {
                case ActionKind.Compile:
                    depfile = temp + ".d";
                    result = toolchain.Compile(Job(action), tempRel, Planner.Relative(dir, depfile), cancel);
                    break;
                case ActionKind.Codegen:
                    result = toolchain.Codegen(Job(action), tempRel, cancel);
                    break;
                case ActionKind.Archive:
                    AtomicFile.TryDelete(temp);
                    result = toolchain.Archive(LinkJob(action, null), tempRel, cancel);
                    break;
                case ActionKind.Link:
                    result = toolchain.Link(LinkJob(action, LinkerScript(action)), tempRel, cancel);
                    break;
                case ActionKind.Copy:
                    File.Copy(Path.Combine(dir, action.Inputs[0].Path), temp, overwrite: true);
                    result = new StepResult(true, "");
                    break;
                default:
                    throw new InvalidOperationException($"no tool for {action.Kind}");
            }
            cancel.ThrowIfCancellationRequested();
            if (!result.Success || !File.Exists(temp))
                return ActionOutcome.Of(ActionStatus.Failed, "the tool reported errors", result.Output) with { Diagnostics = result.Diagnostics };
            var headers = new List<HeaderHash>();
            var key = baseKey;
            if (depfile is not null)
            {
                var source = action.Source!;
                // An assembler source without a preprocessor writes no depfile: it has no headers.
                foreach (var dep in File.Exists(depfile) ? Depfile.Parse(File.ReadAllText(depfile)) : [])
                {
                    if (dep == source)
                        continue;
                    var hash = memory.Hasher.Hash(Path.GetFullPath(Path.Combine(dir, dep)));
                    if (hash is not null)
                        headers.Add(new HeaderHash(dep, hash));
                }
                key = ActionKeys.WithHeaders(baseKey, headers);
            }
            var outputHash = Sha256Hash.HexOfFile(temp);
            memory.Hasher.Forget(action.OutputPath);
            AtomicFile.Commit(temp, action.OutputPath, Durability.None);
            memory.Hasher.Known(action.OutputPath, outputHash);
            memory.OutputHashes[action] = outputHash;
            var all = new List<HeaderHash>([.. inputs, .. headers]);
            cache.Store(key, [(Path.GetFileName(action.Output), action.OutputPath, outputHash)], headers, result.Output, action.Kind == ActionKind.Compile ? baseKey : null);
            memory.CountStore();
            memory.Records[action.OutputPath] = new ActionRecord(config, baseKey, key, all, outputHash);
            return new ActionOutcome(ActionStatus.Ran, UpToDateCheck.WhyNot(config, all, previous), result.Output,
                depfile is null ? [] : headers.Select(h => h.Path).ToList(), TimeSpan.Zero);
        }
        finally
        {
            AtomicFile.TryDelete(temp);
            if (depfile is not null)
                AtomicFile.TryDelete(depfile);
        }
    }

    /// <summary>The compile job of an action (also what compile_commands.json shows).</summary>
    public static CompileJob Job(BuildAction action) =>
        new(action.Unit.Project.Directory, action.Sources, action.Language!.Value, action.Unit.Target, action.OptLevel, action.Arguments);

    private static LinkJob LinkJob(BuildAction action, string? script) =>
        new(action.Unit.Project.Directory, action.Inputs.Where(e => e.Linked).Select(e => e.Path).ToList(), action.Unit.Target, action.Arguments, script);

    /// <summary>The linker script for a link: the project's, or the target's kernel script.</summary>
    private static string? LinkerScript(BuildAction action)
    {
        var unit = action.Unit;
        if (unit.Project.LinkerScript is { } own)
            return Planner.Relative(unit.Project.Directory, own);
        return unit.Project.Kind == ProjectKind.Kernel && unit.Target.KernelLinkerScript is not null ? unit.KernelScript : null;
    }
}
