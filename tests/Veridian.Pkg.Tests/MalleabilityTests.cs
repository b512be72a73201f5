using System.Numerics;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;
using Veridian.Pkg.Crypto;

namespace Veridian.Pkg.Tests;

/// <summary>Ed25519 malleability ("Taming the many EdDSAs"): non-canonical S, small-order R and keys.</summary>
public class MalleabilityTests
{
    private static readonly BigInteger s_order = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");
    private static readonly byte[] s_message = "veridian"u8.ToArray();

    private static byte[] WithSPlusL(byte[] signature)
    {
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: false) + s_order;
        var forged = (byte[])signature.Clone();
        var bytes = s.ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Clear(forged, 32, 32);
        bytes.CopyTo(forged, 32);
        return forged;
    }

    [Fact]
    public void A_valid_signature_verifies()
    {
        var sig = Ed25519Keys.Sign(T.Alice.Secret, s_message);
        Assert.True(Ed25519Keys.Verify(T.Alice.Public.Key, sig, s_message, out var why), why);
    }

    [Fact]
    public void S_plus_L_is_rejected_by_our_check_and_by_BouncyCastle_itself()
    {
        var sig = Ed25519Keys.Sign(T.Alice.Secret, s_message);
        var forged = WithSPlusL(sig);
        Assert.False(BcEd25519.Verify(forged, 0, T.Alice.Public.Key, 0, s_message, 0, s_message.Length));
        Assert.False(Ed25519Keys.Verify(T.Alice.Public.Key, forged, s_message, out var why));
        Assert.Contains("S is not below the group order", why);
    }

    [Theory]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")] // identity (order 1)
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // order 2
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // order 4
    [InlineData("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")] // order 8
    [InlineData("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a")] // order 8
    public void A_small_order_public_key_with_a_trivial_signature_is_rejected(string keyHex)
    {
        var key = Convert.FromHexString(keyHex);
        // R = the same small-order point, S = 0: for a small-order A, [S]B = R + [k]A can hold for many messages.
        var sig = new byte[64];
        key.CopyTo(sig, 0);
        Assert.False(Ed25519Keys.IsStrongPublicKey(key));
        Assert.False(Ed25519Keys.Verify(key, sig, s_message, out _));
        Assert.False(BcEd25519.ValidatePublicKeyFull(key, 0));
    }

    [Fact]
    public void The_identity_key_forgery_is_rejected_by_BouncyCastle_itself_and_by_our_check()
    {
        // With A = identity, R = identity and S = 0 the cofactorless equation [S]B = R + [k]A holds for
        // every message; BouncyCastle 2.7.0 refuses it on its own, and the SDK checks again explicitly.
        var key = Convert.FromHexString("0100000000000000000000000000000000000000000000000000000000000000");
        var sig = new byte[64];
        key.CopyTo(sig, 0);
        var bcAccepts = BcEd25519.Verify(sig, 0, key, 0, s_message, 0, s_message.Length);
        Assert.False(Ed25519Keys.Verify(key, sig, s_message, out var why));
        Assert.Contains("public key", why);
        Assert.False(bcAccepts);
    }

    [Fact]
    public void A_small_order_R_is_rejected_even_with_a_strong_key()
    {
        var sig = Ed25519Keys.Sign(T.Alice.Secret, s_message);
        Convert.FromHexString("0100000000000000000000000000000000000000000000000000000000000000").CopyTo(sig, 0);
        Assert.False(Ed25519Keys.Verify(T.Alice.Public.Key, sig, s_message, out var why));
        Assert.Contains("R is a small-order", why);
    }

    [Fact]
    public void A_non_canonical_R_encoding_is_rejected()
    {
        var sig = Ed25519Keys.Sign(T.Alice.Secret, s_message);
        Convert.FromHexString("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f").CopyTo(sig, 0);
        Assert.False(Ed25519Keys.Verify(T.Alice.Public.Key, sig, s_message, out _));
        Assert.False(Ed25519Keys.IsCanonicalPoint(Convert.FromHexString("f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")));
    }
}
