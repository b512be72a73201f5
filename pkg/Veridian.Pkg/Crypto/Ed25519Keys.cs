using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;
using Veridian.Common;

namespace Veridian.Pkg.Crypto;

/// <summary>
/// Ed25519 (RFC 8032, pure) through BouncyCastle, with the malleability checks made explicit: S must be
/// below the group order L, R and the public key must be canonical encodings and not of small order.
/// </summary>
public static class Ed25519Keys
{
    public const int SecretSize = 32;
    public const int PublicSize = 32;
    public const int SignatureSize = 64;

    /// <summary>The group order L, little-endian.</summary>
    private static readonly byte[] s_order = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    /// <summary>
    /// Encodings of the eight points of small order (1, 2, 4, 8) and their non-canonical aliases (y ≥ p or
    /// x = 0 with the sign bit set); a signature whose R or key is one of them proves nothing.
    /// </summary>
    private static readonly byte[][] s_smallOrder =
    [
        .. new[]
        {
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
            "0100000000000000000000000000000000000000000000000000000000000080",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        }.Select(Convert.FromHexString),
    ];

    /// <summary>A new secret key (seed) from the OS's CSPRNG.</summary>
    public static byte[] NewSecret()
    {
        var sk = new byte[SecretSize];
        Ed25519.GeneratePrivateKey(new SecureRandom(), sk);
        return sk;
    }

    public static byte[] PublicOf(byte[] secret)
    {
        var pk = new byte[PublicSize];
        Ed25519.GeneratePublicKey(secret, 0, pk, 0);
        return pk;
    }

    /// <summary>The key id: SHA-256 of the public key (as upstream's v1 trust store).</summary>
    public static byte[] KeyId(ReadOnlySpan<byte> publicKey) => Sha256Hash.Of(publicKey);

    public static byte[] Sign(byte[] secret, byte[] message)
    {
        var sig = new byte[SignatureSize];
        Ed25519.Sign(secret, 0, message, 0, message.Length, sig, 0);
        return sig;
    }

    /// <summary>True when <paramref name="publicKey"/> is a canonical point of full order (not weak).</summary>
    public static bool IsStrongPublicKey(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == PublicSize && !IsSmallOrder(publicKey) && IsCanonicalPoint(publicKey) && Ed25519.ValidatePublicKeyFull(publicKey.ToArray(), 0);

    /// <summary>Verifies a signature, first rejecting the malleable and weak cases; <paramref name="why"/> names the failure.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signature, byte[] message, out string why)
    {
        if (signature.Length != SignatureSize)
        {
            why = "the signature has the wrong length";
            return false;
        }
        if (!IsStrongPublicKey(publicKey))
        {
            why = "the public key is not a canonical point of full order";
            return false;
        }
        var r = signature[..32];
        var s = signature[32..];
        if (!IsCanonicalScalar(s))
        {
            why = "the signature's S is not below the group order (a malleable signature)";
            return false;
        }
        if (IsSmallOrder(r) || !IsCanonicalPoint(r))
        {
            why = "the signature's R is a small-order or non-canonical point";
            return false;
        }
        if (!Ed25519.Verify(signature.ToArray(), 0, publicKey.ToArray(), 0, message, 0, message.Length))
        {
            why = "the signature does not match the head";
            return false;
        }
        why = "";
        return true;
    }

    internal static bool IsCanonicalScalar(ReadOnlySpan<byte> s)
    {
        for (var i = 31; i >= 0; i--)
        {
            if (s[i] != s_order[i])
                return s[i] < s_order[i];
        }
        return false;
    }

    /// <summary>y (the low 255 bits) must be below p = 2^255 - 19.</summary>
    internal static bool IsCanonicalPoint(ReadOnlySpan<byte> p)
    {
        if ((p[31] & 0x7f) != 0x7f)
            return true;
        for (var i = 30; i >= 1; i--)
        {
            if (p[i] != 0xff)
                return true;
        }
        return p[0] < 0xed;
    }

    internal static bool IsSmallOrder(ReadOnlySpan<byte> p)
    {
        foreach (var bad in s_smallOrder)
        {
            if (p.SequenceEqual(bad))
                return true;
        }
        return false;
    }
}
