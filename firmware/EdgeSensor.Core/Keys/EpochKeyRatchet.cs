using System;
using EdgeSensor.Core.Bytes;
using EdgeSensor.Core.Crypto;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Keys
{
    /// <summary>
    /// The device's forward-secret epoch keys (docs/security.md §Key hierarchy), HKDF-SHA256 (RFC 5869):
    /// K[0] = HKDF(ikm = root key, salt = "edgesensor v1 epoch", info = "edgesensor v1 chain", 32);
    /// K[e+1] = HKDF-Expand(K[e], "edgesensor v1 ratchet", 32), one-way;
    /// AEAD key A[e] = HKDF-Expand(K[e], "edgesensor v1 aead" || e u32 LE, 32).
    /// Only the current K[e] is kept, in RAM and in a <see cref="DualSlotRecord"/> (epoch, epoch day, K[e]).
    /// Advancing persists K[e+1] into both copies before K[e] is wiped, so a captured device holds no key
    /// that opens what it sealed in earlier epochs.
    /// </summary>
    public sealed class EpochKeyRatchet
    {
        /// <summary>Length of every key in the hierarchy, in bytes.</summary>
        public const int KeySize = 32;

        private const int EpochOffset = 0;
        private const int EpochDayOffset = 4;
        private const int ChainKeyOffset = 8;
        private const int RecordLength = ChainKeyOffset + KeySize;

        private readonly DualSlotRecord _record;
        private readonly Hkdf _hkdf = new Hkdf();
        private readonly byte[] _chainKey = new byte[KeySize];
        private readonly byte[] _nextChainKey = new byte[KeySize];
        private readonly byte[] _aeadKey = new byte[KeySize];
        private readonly byte[] _aeadInfo = new byte[KeyLabels.AeadLabel.Length + 4];
        private readonly byte[] _scratch = new byte[RecordLength];
        private uint _epoch;
        private uint _epochDay;
        private bool _loaded;

        /// <summary>Creates the ratchet over two slots of <paramref name="store"/>; call <see cref="TryLoad"/> or <see cref="TryProvision"/>.</summary>
        public EpochKeyRatchet(INonVolatileStore store, int slotA, int slotB)
        {
            _record = new DualSlotRecord(store, slotA, slotB, RecordLength);
            Array.Copy(KeyLabels.AeadLabel, _aeadInfo, KeyLabels.AeadLabel.Length);
        }

        /// <summary>The current key epoch.</summary>
        public uint Epoch
        {
            get { return _epoch; }
        }

        /// <summary>The UTC day number (Unix seconds / 86400) recorded when the current epoch began.</summary>
        public uint EpochDay
        {
            get { return _epochDay; }
        }

        /// <summary>Whether a key is loaded (the device is provisioned).</summary>
        public bool IsLoaded
        {
            get { return _loaded; }
        }

        /// <summary>The current epoch's AEAD key; only the sealer reads it, never copy it elsewhere.</summary>
        internal byte[] AeadKey
        {
            get { return _aeadKey; }
        }

        /// <summary>Loads the persisted epoch state; false when there is none (the device is not provisioned).</summary>
        public bool TryLoad()
        {
            if (!_record.TryLoad(_scratch, 0))
            {
                return false;
            }

            _epoch = LittleEndian.ReadUInt32(_scratch, EpochOffset);
            _epochDay = LittleEndian.ReadUInt32(_scratch, EpochDayOffset);
            Array.Copy(_scratch, ChainKeyOffset, _chainKey, 0, KeySize);
            FixedTime.Clear(_scratch, 0, RecordLength);
            DeriveAeadKeyCore();
            _loaded = true;
            return true;
        }

        /// <summary>
        /// Provisioning: derives K[0] from the 256-bit root key and persists epoch 0 (both copies). The caller
        /// must then erase the root key everywhere on the device; only the SDK keeps it. False on an I/O error, or
        /// when the store already holds an epoch state (re-provisioning needs a new root key and a wiped store).
        /// </summary>
        public bool TryProvision(byte[] rootKey, int rootKeyOffset, uint epochDay)
        {
            if (rootKey == null)
            {
                throw new ArgumentNullException(nameof(rootKey));
            }

            if (rootKeyOffset < 0 || rootKeyOffset > rootKey.Length - KeySize)
            {
                throw new ArgumentOutOfRangeException(nameof(rootKeyOffset));
            }

            // Provisioning twice would bring back K[0] and undo forward secrecy: an existing state wins.
            bool provisioned = _record.TryLoad(_scratch, 0);
            FixedTime.Clear(_scratch, 0, RecordLength);
            if (provisioned)
            {
                return false;
            }

            DeriveInitialChainKey(_hkdf, rootKey, rootKeyOffset, _nextChainKey, 0);
            return Commit(0, epochDay);
        }

        /// <summary>
        /// Moves to the next epoch: derives K[e+1], persists it into both copies, then wipes K[e] and its AEAD
        /// key from RAM. False (nothing changes) on an I/O error or when the epoch counter is exhausted.
        /// </summary>
        public bool TryAdvance(uint epochDay)
        {
            if (!_loaded)
            {
                throw new InvalidOperationException("No epoch key loaded.");
            }

            if (_epoch == uint.MaxValue)
            {
                return false;
            }

            _hkdf.Expand(_chainKey, 0, KeySize, KeyLabels.RatchetInfo, 0, KeyLabels.RatchetInfo.Length, _nextChainKey, 0, KeySize);
            return Commit(_epoch + 1, epochDay);
        }

        /// <summary>K[0] from the root key (RFC 5869 Extract then Expand). For provisioning tools and tests.</summary>
        public static void DeriveInitialChainKey(byte[] rootKey, int rootKeyOffset, byte[] chainKey, int chainKeyOffset)
        {
            DeriveInitialChainKey(new Hkdf(), rootKey, rootKeyOffset, chainKey, chainKeyOffset);
        }

        /// <summary>K[e+1] from K[e]. For tools and tests; the ratchet itself uses its own scratch state.</summary>
        public static void DeriveNextChainKey(byte[] chainKey, int chainKeyOffset, byte[] nextChainKey, int nextChainKeyOffset)
        {
            new Hkdf().Expand(chainKey, chainKeyOffset, KeySize, KeyLabels.RatchetInfo, 0, KeyLabels.RatchetInfo.Length, nextChainKey, nextChainKeyOffset, KeySize);
        }

        /// <summary>The AEAD key of <paramref name="epoch"/> from its chain key K[epoch]. For tools and tests.</summary>
        public static void DeriveAeadKey(byte[] chainKey, int chainKeyOffset, uint epoch, byte[] aeadKey, int aeadKeyOffset)
        {
            byte[] info = new byte[KeyLabels.AeadLabel.Length + 4];
            Array.Copy(KeyLabels.AeadLabel, info, KeyLabels.AeadLabel.Length);
            LittleEndian.WriteUInt32(info, KeyLabels.AeadLabel.Length, epoch);
            new Hkdf().Expand(chainKey, chainKeyOffset, KeySize, info, 0, info.Length, aeadKey, aeadKeyOffset, KeySize);
        }

        private static void DeriveInitialChainKey(Hkdf hkdf, byte[] rootKey, int rootKeyOffset, byte[] chainKey, int chainKeyOffset)
        {
            byte[] prk = new byte[Hkdf.PrkSize];
            hkdf.Extract(KeyLabels.EpochSalt, 0, KeyLabels.EpochSalt.Length, rootKey, rootKeyOffset, KeySize, prk, 0);
            hkdf.Expand(prk, 0, prk.Length, KeyLabels.ChainInfo, 0, KeyLabels.ChainInfo.Length, chainKey, chainKeyOffset, KeySize);
            FixedTime.Clear(prk, 0, prk.Length);
        }

        // Persist-then-switch: the new key is on flash (both copies, so the old key is overwritten)
        // before anything is sealed with it, and the old key leaves RAM only once that succeeded.
        private bool Commit(uint epoch, uint epochDay)
        {
            LittleEndian.WriteUInt32(_scratch, EpochOffset, epoch);
            LittleEndian.WriteUInt32(_scratch, EpochDayOffset, epochDay);
            Array.Copy(_nextChainKey, 0, _scratch, ChainKeyOffset, KeySize);
            bool saved = _record.SaveBoth(_scratch, 0);
            FixedTime.Clear(_scratch, 0, RecordLength);
            if (!saved)
            {
                FixedTime.Clear(_nextChainKey, 0, KeySize);
                return false;
            }

            Array.Copy(_nextChainKey, _chainKey, KeySize);
            FixedTime.Clear(_nextChainKey, 0, KeySize);
            _epoch = epoch;
            _epochDay = epochDay;
            DeriveAeadKeyCore();
            _loaded = true;
            return true;
        }

        private void DeriveAeadKeyCore()
        {
            LittleEndian.WriteUInt32(_aeadInfo, KeyLabels.AeadLabel.Length, _epoch);
            _hkdf.Expand(_chainKey, 0, KeySize, _aeadInfo, 0, _aeadInfo.Length, _aeadKey, 0, KeySize);
        }
    }
}
