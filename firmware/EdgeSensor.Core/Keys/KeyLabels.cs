namespace EdgeSensor.Core.Keys
{
    /// <summary>
    /// The ASCII labels of the v1 key hierarchy (docs/security.md §Key hierarchy). Distinct labels keep the
    /// chain key and the AEAD key of an epoch independent, so the chain key never encrypts anything.
    /// </summary>
    internal static class KeyLabels
    {
        /// <summary>HKDF-Extract salt for K[0]: "edgesensor v1 epoch".</summary>
        internal static readonly byte[] EpochSalt = Ascii("edgesensor v1 epoch");

        /// <summary>HKDF-Expand info for K[0]: "edgesensor v1 chain".</summary>
        internal static readonly byte[] ChainInfo = Ascii("edgesensor v1 chain");

        /// <summary>HKDF-Expand info for K[e+1] from K[e]: "edgesensor v1 ratchet".</summary>
        internal static readonly byte[] RatchetInfo = Ascii("edgesensor v1 ratchet");

        /// <summary>Prefix of the HKDF-Expand info for the AEAD key of epoch e: "edgesensor v1 aead" || e (u32 LE).</summary>
        internal static readonly byte[] AeadLabel = Ascii("edgesensor v1 aead");

        // The nanoFramework has no System.Text.Encoding in mscorlib; the labels are plain ASCII.
        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
