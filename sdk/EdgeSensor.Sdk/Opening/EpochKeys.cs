using System.Buffers.Binary;
using System.Security.Cryptography;

namespace EdgeSensor.Sdk.Opening;

/// <summary>
/// The v1 key hierarchy (docs/security.md §Key hierarchy), HKDF-SHA256 (RFC 5869):
/// K[0] = HKDF(ikm = root key, salt = "edgesensor v1 epoch", info = "edgesensor v1 chain", 32);
/// K[e+1] = HKDF-Expand(K[e], "edgesensor v1 ratchet", 32);
/// AEAD key of epoch e = HKDF-Expand(K[e], "edgesensor v1 aead" || e as u32 LE, 32).
/// The chain key never encrypts; the AEAD key never derives.
/// </summary>
internal static class EpochKeys
{
    public const int KeyLength = 32;

    private static readonly byte[] s_epochSalt = "edgesensor v1 epoch"u8.ToArray();
    private static readonly byte[] s_chainInfo = "edgesensor v1 chain"u8.ToArray();
    private static readonly byte[] s_ratchetInfo = "edgesensor v1 ratchet"u8.ToArray();
    private static readonly byte[] s_aeadLabel = "edgesensor v1 aead"u8.ToArray();

    public static void DeriveInitialChainKey(ReadOnlySpan<byte> rootKey, Span<byte> chainKey0)
    {
        Span<byte> prk = stackalloc byte[KeyLength];
        HKDF.Extract(HashAlgorithmName.SHA256, rootKey, s_epochSalt, prk);
        HKDF.Expand(HashAlgorithmName.SHA256, prk, chainKey0[..KeyLength], s_chainInfo);
        CryptographicOperations.ZeroMemory(prk);
    }

    /// <summary>K[e+1] from K[e]; <paramref name="next"/> may not overlap <paramref name="current"/>.</summary>
    public static void Ratchet(ReadOnlySpan<byte> current, Span<byte> next) =>
        HKDF.Expand(HashAlgorithmName.SHA256, current[..KeyLength], next[..KeyLength], s_ratchetInfo);

    public static void DeriveAeadKey(ReadOnlySpan<byte> chainKey, uint epoch, Span<byte> aeadKey)
    {
        Span<byte> info = stackalloc byte[s_aeadLabel.Length + 4];
        s_aeadLabel.CopyTo(info);
        BinaryPrimitives.WriteUInt32LittleEndian(info[s_aeadLabel.Length..], epoch);
        HKDF.Expand(HashAlgorithmName.SHA256, chainKey[..KeyLength], aeadKey[..KeyLength], info);
    }
}
