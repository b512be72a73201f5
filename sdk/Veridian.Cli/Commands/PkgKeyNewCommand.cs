using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Crypto;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg key new &lt;name&gt;</c>: a new Ed25519 key pair; the secret is never printed.</summary>
internal sealed class PkgKeyNewCommand : Command
{
    private readonly Argument<string> _name = new("name") { Description = "The key's name: files <name>.secret and <name>.pub." };
    private readonly Option<string> _dir = new("--dir") { Description = "Where to write the two files (default: the current directory).", DefaultValueFactory = _ => "." };
    private readonly Option<bool> _json = GlobalOptions.Json();

    public PkgKeyNewCommand()
        : base("new", "Create an Ed25519 key pair: <name>.secret (mode 0600, never overwritten) and <name>.pub.")
    {
        Arguments.Add(_name);
        Options.Add(_dir);
        Options.Add(_json);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var dir = parse.GetValue(_dir)!;
            var name = parse.GetValue(_name)!;
            var key = KeyFile.CreatePair(dir, name);
            var secret = Path.Combine(dir, name + ".secret");
            var pub = Path.Combine(dir, name + ".pub");
            if (parse.GetValue(_json))
                terminal.WriteJson(new { name, keyId = key.IdHex, secretFile = secret, publicFile = pub });
            else
                terminal.Out.WriteLine($"key {name}: id {key.IdHex}\n  secret {secret} (mode 0600; keep it private)\n  public {pub}");
            return 0;
        });
    }
}
