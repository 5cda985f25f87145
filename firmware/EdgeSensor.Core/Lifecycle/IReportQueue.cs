namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// The sealed reports waiting to be published, oldest first: <see cref="EdgeSensor.Core.Device.SensorNode"/>'s
    /// PeekReport / ConfirmPublished (through <see cref="SensorNodeReports"/>).
    /// </summary>
    public interface IReportQueue
    {
        /// <summary>Copies the oldest report into <paramref name="buffer"/> at <paramref name="offset"/>; its length, or 0.</summary>
        int PeekReport(byte[] buffer, int offset);

        /// <summary>
        /// Removes the oldest report after its acknowledgement, but only if it is still the one published
        /// (<paramref name="length"/> bytes of <paramref name="published"/>): while it was in flight a full outbox may
        /// have dropped it, and the next one, never sent, must not be removed in its place. False when nothing was removed.
        /// </summary>
        bool TryConfirm(byte[] published, int length);
    }
}
