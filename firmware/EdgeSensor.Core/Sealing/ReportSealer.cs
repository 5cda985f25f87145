using System;
using EdgeSensor.Core.Crypto;
using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.WireFormat;

namespace EdgeSensor.Core.Sealing
{
    /// <summary>
    /// Turns a <see cref="WindowReport"/> into a sealed v1 payload (docs/wire-format.md): clear header as AEAD
    /// associated data, body encrypted with ChaCha20-Poly1305 (RFC 8439 §2.8) under the current epoch's key,
    /// nonce = (epoch, sequence). Applies the epoch policy (docs/security.md §Epoch policy): a new epoch when
    /// the report's UTC day is later than the epoch's day, or after <see cref="MaxReportsPerEpoch"/> reports
    /// since boot or the last advance. Allocates nothing per report; not thread-safe.
    /// </summary>
    public sealed class ReportSealer
    {
        /// <summary>Length of a sealed report without header flags (modes 0 and 2): 22-byte header, 35-byte body, 16-byte tag.</summary>
        public const int SealedLength = ReportHeader.Length + ReportCodec.BodyLength + ReportHeader.TagLength;

        /// <summary>Length of a sealed report with the extended-disclosure flag (modes 1 and 3): the body is 37 bytes.</summary>
        public const int ExtendedSealedLength = ReportHeader.Length + ReportCodec.ExtendedBodyLength + ReportHeader.TagLength;

        /// <summary>Room that holds any sealed report this code writes.</summary>
        public const int MaxSealedLength = ExtendedSealedLength;

        /// <summary>Default <see cref="MaxReportsPerEpoch"/>: one day of 10-second windows.</summary>
        public const uint DefaultMaxReportsPerEpoch = 8640;

        private const uint SecondsPerDay = 86400;

        private readonly ulong _deviceId;
        private readonly EpochKeyRatchet _ratchet;
        private readonly SequenceReservation _sequences;
        private readonly ChaCha20Poly1305Aead _aead = new ChaCha20Poly1305Aead();
        private readonly byte[] _body = new byte[ReportCodec.MaxBodyLength];
        private uint _reportsThisEpoch;
        private uint _maxReportsPerEpoch = DefaultMaxReportsPerEpoch;

        /// <summary>Creates a sealer for <paramref name="deviceId"/> over a loaded ratchet and a sequence reservation.</summary>
        /// <exception cref="InvalidOperationException">The ratchet holds no key (the device is not provisioned).</exception>
        public ReportSealer(ulong deviceId, EpochKeyRatchet ratchet, SequenceReservation sequences)
        {
            if (ratchet == null)
            {
                throw new ArgumentNullException(nameof(ratchet));
            }

            if (sequences == null)
            {
                throw new ArgumentNullException(nameof(sequences));
            }

            if (!ratchet.IsLoaded)
            {
                throw new InvalidOperationException("The epoch key ratchet is not loaded.");
            }

            _deviceId = deviceId;
            _ratchet = ratchet;
            _sequences = sequences;
        }

        /// <summary>The device id written into every header.</summary>
        public ulong DeviceId
        {
            get { return _deviceId; }
        }

        /// <summary>The epoch the next report will be sealed under (unless the policy advances first).</summary>
        public uint Epoch
        {
            get { return _ratchet.Epoch; }
        }

        /// <summary>Reports after which the epoch advances even if the UTC day has not changed (bounds a stuck clock).</summary>
        public uint MaxReportsPerEpoch
        {
            get
            {
                return _maxReportsPerEpoch;
            }

            set
            {
                if (value == 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _maxReportsPerEpoch = value;
            }
        }

        /// <summary>
        /// Length of every report a device in <paramref name="mode"/> seals: the mode alone sets the header flag and
        /// the body length, so a device's reports all have one length whatever they contain.
        /// </summary>
        public static int SealedLengthFor(DisclosureMode mode)
        {
            return ReportHeader.Length + ReportCodec.BodyLengthFor(mode) + ReportHeader.TagLength;
        }

        /// <summary>Outcome of the last <see cref="Seal"/>.</summary>
        public SealStatus LastStatus { get; private set; }

        /// <summary>
        /// Seals <paramref name="report"/> into <paramref name="output"/> at <paramref name="offset"/> and returns
        /// the bytes written (<see cref="SealedLengthFor"/> the report's mode), or 0 when nothing was sealed (see
        /// <see cref="LastStatus"/>). The header carries the extended-disclosure flag exactly when the report's mode is
        /// small-count suppression or person-level differential privacy (docs/wire-format.md §3.1).
        /// Every sealed report consumes a fresh sequence number, even if the caller never sends it.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The sealed report does not fit at <paramref name="offset"/>.</exception>
        public int Seal(WindowReport report, byte[] output, int offset)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            int sealedLength = SealedLengthFor(report.DisclosureMode);
            if (offset < 0 || offset > output.Length - sealedLength)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            if (!ReportCodec.IsEncodable(report))
            {
                LastStatus = SealStatus.InvalidReport;
                return 0;
            }

            ApplyEpochPolicy(report.WindowStartUnixSeconds / SecondsPerDay);
            if (_sequences.IsDamaged && TryAdvanceEpoch(_ratchet.EpochDay))
            {
                // A fresh epoch key has sealed nothing yet, so its sequence numbers may start again at 0.
                _sequences.RestartUnderNewEpoch();
            }

            ulong sequence;
            if (!_sequences.TryNext(out sequence))
            {
                LastStatus = SealStatus.StorageFailed;
                return 0;
            }

            ReportHeader.Write(output, offset, ReportCodec.HeaderFlagsFor(report.DisclosureMode), _deviceId, _ratchet.Epoch, sequence);
            int bodyLength = ReportCodec.EncodeBody(report, _body, 0);
            _aead.Seal(
                _ratchet.AeadKey, 0,
                output, offset + ReportHeader.NonceOffset,
                output, offset, ReportHeader.Length,
                _body, 0, bodyLength,
                output, offset + ReportHeader.Length);
            FixedTime.Clear(_body, 0, _body.Length);
            _reportsThisEpoch++;
            LastStatus = SealStatus.Sealed;
            return sealedLength;
        }

        /// <summary>
        /// Advances to the next epoch now (e.g. on a schedule, or before decommissioning), wiping the current key.
        /// False on a storage failure; the current epoch then stays in use.
        /// </summary>
        public bool TryAdvanceEpoch(uint epochDay)
        {
            if (!_ratchet.TryAdvance(epochDay))
            {
                return false;
            }

            _reportsThisEpoch = 0;
            return true;
        }

        private void ApplyEpochPolicy(uint reportDay)
        {
            bool newDay = reportDay > _ratchet.EpochDay;
            if (newDay || _reportsThisEpoch >= _maxReportsPerEpoch)
            {
                // A failed advance keeps the current epoch: nonces stay unique because sequence numbers never
                // repeat; forward secrecy is only delayed until the next report tries again.
                TryAdvanceEpoch(newDay ? reportDay : _ratchet.EpochDay);
            }
        }
    }
}
