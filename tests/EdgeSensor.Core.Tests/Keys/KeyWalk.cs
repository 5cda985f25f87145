using EdgeSensor.Core.Keys;

namespace EdgeSensor.Core.Tests.Keys;

/// <summary>
/// Epoch keys walked forward from the root key, as a consumer derives them (the device itself only ever
/// steps one epoch and forgets the old key). Test-side only.
/// </summary>
internal static class KeyWalk
{
    public static byte[] ChainKeyAt(byte[] rootKey, uint epoch)
    {
        byte[] chain = new byte[32];
        byte[] next = new byte[32];
        EpochKeyRatchet.DeriveInitialChainKey(rootKey, 0, chain, 0);
        for (uint e = 0; e < epoch; e++)
        {
            EpochKeyRatchet.DeriveNextChainKey(chain, 0, next, 0);
            Array.Copy(next, chain, 32);
        }
        return chain;
    }

    public static byte[] AeadKeyAt(byte[] rootKey, uint epoch)
    {
        byte[] key = new byte[32];
        EpochKeyRatchet.DeriveAeadKey(ChainKeyAt(rootKey, epoch), 0, epoch, key, 0);
        return key;
    }
}
