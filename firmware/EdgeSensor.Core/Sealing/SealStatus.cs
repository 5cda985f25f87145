namespace EdgeSensor.Core.Sealing
{
    /// <summary>Outcome of the last <see cref="ReportSealer.Seal"/> call.</summary>
    public enum SealStatus : byte
    {
        /// <summary>Nothing sealed yet.</summary>
        None = 0,

        /// <summary>The report was sealed.</summary>
        Sealed = 1,

        /// <summary>A field is out of the range the wire format allows (see ReportCodec.IsEncodable); nothing sealed.</summary>
        InvalidReport = 2,

        /// <summary>No sequence number could be reserved (the non-volatile store failed); nothing sealed, retry later.</summary>
        StorageFailed = 3,
    }
}
