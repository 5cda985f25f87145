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

        /// <summary>Removes the oldest report after its acknowledgement; false when none waits.</summary>
        bool ConfirmPublished();
    }
}
