using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Host;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg repo serve DIR [--port P]</c>: Debian's nginx on 127.0.0.1 serving the folder, until interrupted.</summary>
internal sealed class PkgRepoServeCommand : Command
{
    private readonly Argument<string> _dir = PkgRepoCommand.Dir();
    private readonly Option<int> _port = new("--port") { Description = "The port on 127.0.0.1 (default 8080).", DefaultValueFactory = _ => 8080 };

    public PkgRepoServeCommand()
        : base("serve", "Serve the repository folder with nginx on 127.0.0.1 (foreground; Ctrl-C stops it). Paths starting with a dot are refused.")
    {
        Arguments.Add(_dir);
        Options.Add(_port);
        SetAction(async (parse, cancel) =>
        {
            var terminal = Terminal.From(parse);
            var repo = new RepoFolder(parse.GetValue(_dir)!);
            if (!repo.IsRepository)
                throw DiagnosticException.Error(RepoCodes.BadRepository, $"'{repo.Root}' is not a repository", hint: "create one with 'veridian pkg repo init'");
            var nginx = HostProbe.RequireTool("nginx");
            var run = Path.Combine(Path.GetTempPath(), "veridian-nginx-" + Guid.NewGuid().ToString("N")[..12]);
            try
            {
                var conf = NginxConfig.Write(repo.Root, parse.GetValue(_port), run);
                terminal.Err.WriteLine($"serving {repo.Root} at http://127.0.0.1:{parse.GetValue(_port)}/ (Ctrl-C stops)");
                var outcome = await HostTools.StartAsync(new ProcessRequest(nginx, ["-p", run, "-c", conf]) { StdoutEcho = terminal.Out, StderrEcho = terminal.Err }, cancel);
                return outcome.ExitCode == 0 ? 0 : 1;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
            finally
            {
                try
                {
                    Directory.Delete(run, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        });
    }
}
