using System.Text;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Crypto;

/// <summary>A public key as it is stored in a <c>.pub</c> file or in a sysroot's trust store.</summary>
public sealed record PublicKey(string Name, byte[] Key, IReadOnlyList<Channel> Channels)
{
    public byte[] Id => Ed25519Keys.KeyId(Key);
    public string IdHex => Hex.Of(Id);
}

/// <summary>Reads and writes key files (docs/pkg-format.md, Keys and trust).</summary>
public static class KeyFile
{
    private const string PublicHeader = "veridian-ed25519-public-key 1";
    private const string SecretHeader = "veridian-ed25519-secret-key 1";

    /// <summary>Creates <c>&lt;dir&gt;/&lt;name&gt;.secret</c> (0600, never overwritten) and <c>&lt;name&gt;.pub</c>; returns the public key.</summary>
    public static PublicKey CreatePair(string dir, string name)
    {
        if (name.Length == 0 || name.Length > 64 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || name[0] == '.')
            throw DiagnosticException.Error(PkgCodes.BadKeyFile, $"key name '{PathRules.Show(name)}' must be 1-64 letters, digits, '-', '_' or '.'");
        Directory.CreateDirectory(dir);
        var secretPath = Path.Combine(dir, name + ".secret");
        var publicPath = Path.Combine(dir, name + ".pub");
        foreach (var p in new[] { secretPath, publicPath })
        {
            if (Path.Exists(p))
                throw DiagnosticException.Error(PkgCodes.BadKeyFile, $"'{p}' already exists; a key is never overwritten", hint: "choose another name or move the old key away");
        }
        var secret = Ed25519Keys.NewSecret();
        var key = new PublicKey(name, Ed25519Keys.PublicOf(secret), []);
        var secretText = $"{SecretHeader}\nname {name}\nkey-id {key.IdHex}\nsecret {Hex.Of(secret)}\n";
        try
        {
            AtomicFile.CreateNew(secretPath, Encoding.ASCII.GetBytes(secretText), Durability.Flush, FileModes.Secret);
        }
        catch (IOException) when (Path.Exists(secretPath))
        {
            throw DiagnosticException.Error(PkgCodes.BadKeyFile, $"'{secretPath}' already exists; a key is never overwritten");
        }
        finally
        {
            Array.Clear(secret);
        }
        AtomicFile.CreateNew(publicPath, Encoding.ASCII.GetBytes(FormatPublic(key)), Durability.Flush, FileModes.Public);
        return key;
    }

    public static string FormatPublic(PublicKey key)
    {
        var sb = new StringBuilder();
        sb.Append(PublicHeader).Append('\n');
        sb.Append("name ").Append(key.Name).Append('\n');
        sb.Append("key-id ").Append(key.IdHex).Append('\n');
        sb.Append("public ").Append(Hex.Of(key.Key)).Append('\n');
        if (key.Channels.Count > 0)
            sb.Append("channels ").Append(string.Join(' ', key.Channels.Select(Manifest.ChannelText))).Append('\n');
        return sb.ToString();
    }

    public static PublicKey ReadPublic(string path)
    {
        var fields = ReadFields(path, PublicHeader, ["name", "key-id", "public"], ["channels"]);
        var key = Hex.TryParse(fields["public"], 32) ?? throw Bad(path, "'public' is not 64 lower-case hex digits");
        var id = Hex.TryParse(fields["key-id"], 32) ?? throw Bad(path, "'key-id' is not 64 lower-case hex digits");
        if (!Ed25519Keys.IsStrongPublicKey(key))
            throw Bad(path, "the public key is weak (small order or non-canonical)");
        if (!Ed25519Keys.KeyId(key).AsSpan().SequenceEqual(id))
            throw Bad(path, "'key-id' is not the SHA-256 of the public key");
        var channels = new List<Channel>();
        if (fields.TryGetValue("channels", out var list))
        {
            foreach (var c in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Manifest.TryParseChannel(c, out var ch))
                    throw Bad(path, $"unknown channel '{c}' (core, devel, third-party)");
                if (!channels.Contains(ch))
                    channels.Add(ch);
            }
        }
        return new PublicKey(fields["name"], key, channels);
    }

    /// <summary>Reads a secret key; refuses a file that group or others may read (as ssh does).</summary>
    public static (byte[] Secret, PublicKey Public) ReadSecret(string path)
    {
        if (!File.Exists(path))
            throw DiagnosticException.Error(PkgCodes.BadKeyFile, $"secret key '{path}' does not exist", hint: "create one with 'veridian pkg key new <name>'");
        if ((File.GetUnixFileMode(path) & (UnixFileMode)0x3F) != 0)
            throw Bad(path, "the secret key is readable or writable by group or others", "run 'chmod 600' on it");
        var fields = ReadFields(path, SecretHeader, ["name", "key-id", "secret"], []);
        var secret = Hex.TryParse(fields["secret"], 32) ?? throw Bad(path, "'secret' is not 64 lower-case hex digits");
        var pub = new PublicKey(fields["name"], Ed25519Keys.PublicOf(secret), []);
        if (pub.IdHex != fields["key-id"])
            throw Bad(path, "'key-id' does not belong to the secret key");
        return (secret, pub);
    }

    private static Dictionary<string, string> ReadFields(string path, string header, string[] required, string[] optional)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.ASCII);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DiagnosticException.Error(PkgCodes.BadKeyFile, $"cannot read key file '{path}': {e.Message}");
        }
        var lines = text.Split('\n');
        if (lines[0] != header)
            throw Bad(path, $"the first line is not '{header}'");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var space = lines[i].IndexOf(' ');
            var k = space < 0 ? lines[i] : lines[i][..space];
            if (!required.Contains(k) && !optional.Contains(k))
                throw Bad(path, $"line {i + 1}: unknown field '{k}'");
            if (!fields.TryAdd(k, space < 0 ? "" : lines[i][(space + 1)..]))
                throw Bad(path, $"line {i + 1}: '{k}' given twice");
        }
        foreach (var r in required)
        {
            if (!fields.ContainsKey(r))
                throw Bad(path, $"missing field '{r}'");
        }
        return fields;
    }

    private static DiagnosticException Bad(string path, string message, string? hint = null) =>
        DiagnosticException.Error(PkgCodes.BadKeyFile, message, new SourceLocation(path), hint);
}
