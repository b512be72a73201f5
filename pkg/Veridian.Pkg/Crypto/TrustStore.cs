using System.Text;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Crypto;

/// <summary>Keys a verifier trusts, each bound to the channels it may sign for.</summary>
public sealed class TrustStore
{
    private readonly Dictionary<string, PublicKey> _byId = new(StringComparer.Ordinal);

    public TrustStore(IEnumerable<PublicKey> keys)
    {
        foreach (var k in keys)
            _byId[k.IdHex] = k;
    }

    public IReadOnlyList<PublicKey> Keys => _byId.Values.OrderBy(k => k.IdHex, StringComparer.Ordinal).ToList();

    public PublicKey? Find(ReadOnlySpan<byte> keyId) => _byId.GetValueOrDefault(Hex.Of(keyId));

    /// <summary>The store of a sysroot: every <c>etc/veridian/keys/&lt;key-id&gt;.pub</c>.</summary>
    public static TrustStore Load(string keysDir)
    {
        var keys = new List<PublicKey>();
        if (Directory.Exists(keysDir))
        {
            foreach (var file in Directory.GetFiles(keysDir, "*.pub").Order(StringComparer.Ordinal))
            {
                var key = KeyFile.ReadPublic(file);
                if (Path.GetFileName(file) != key.IdHex + ".pub")
                    throw DiagnosticException.Error(PkgCodes.BadKeyFile, $"trusted key file is not named after its key id ({key.IdHex}.pub)", new SourceLocation(file));
                keys.Add(key);
            }
        }
        return new TrustStore(keys);
    }

    /// <summary>Adds (or re-binds) a key in a sysroot's store with the given channels.</summary>
    public static PublicKey Trust(string keysDir, PublicKey key, IReadOnlyList<Channel> channels)
    {
        if (channels.Count == 0)
            throw DiagnosticException.Error(PkgCodes.BadKeyFile, "a trusted key needs at least one channel", hint: "add --channel core, devel or third-party");
        Directory.CreateDirectory(keysDir);
        var bound = key with { Channels = channels.Distinct().Order().ToList() };
        AtomicFile.Write(Path.Combine(keysDir, bound.IdHex + ".pub"), Encoding.ASCII.GetBytes(KeyFile.FormatPublic(bound)), Durability.Flush, FileModes.Public);
        return bound;
    }
}
