using EdgeSensor.Core.Bytes;
using EdgeSensor.Core.Crypto;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Tests.Keys;
using EdgeSensor.Core.WireFormat;

namespace EdgeSensor.Core.Tests.Device;

/// <summary>Opens sealed reports with the core's own primitives (the consumer side, for tests only).</summary>
internal sealed class CoreReportOpener
{
    private readonly byte[] _rootKey;

    public CoreReportOpener(byte[] rootKey) => _rootKey = rootKey;

    public static ulong DeviceIdOf(byte[] sealedReport) => LittleEndian.ReadUInt64(sealedReport, ReportHeader.DeviceIdOffset);

    public static uint EpochOf(byte[] sealedReport) => LittleEndian.ReadUInt32(sealedReport, ReportHeader.EpochOffset);

    public static ulong SequenceOf(byte[] sealedReport) => LittleEndian.ReadUInt64(sealedReport, ReportHeader.SequenceOffset);

    /// <summary>Verifies and decodes; false when the tag or the body is bad.</summary>
    public bool TryOpen(byte[] sealedReport, int length, WindowReport report)
    {
        byte flags = sealedReport[ReportHeader.FlagsOffset];
        Assert.AreEqual(flags == 0 ? ReportSealer.SealedLength : ReportSealer.ExtendedSealedLength, length);
        uint epoch = EpochOf(sealedReport);
        byte[] key = KeyWalk.AeadKeyAt(_rootKey, epoch);
        var body = new byte[length - ReportHeader.Length - ReportHeader.TagLength];
        bool authentic = new ChaCha20Poly1305Aead().TryOpen(
            key, 0,
            sealedReport, ReportHeader.NonceOffset,
            sealedReport, 0, ReportHeader.Length,
            sealedReport, ReportHeader.Length, body.Length + ReportHeader.TagLength,
            body, 0);
        return authentic && ReportCodec.TryDecodeBody(flags, body, 0, body.Length, report);
    }
}
