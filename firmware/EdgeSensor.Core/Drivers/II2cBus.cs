namespace EdgeSensor.Core.Drivers
{
    /// <summary>
    /// The least a register-level driver needs from an I²C bus bound to one device address: a write, and a
    /// write followed by a read (repeated start). Bus errors (NACK, arbitration lost, timeout) are reported by
    /// returning false, never by throwing: a hardware hiccup is retried on the next tick. Adapters wrap the
    /// platform's device (nanoFramework's or dotnet/iot's <c>System.Device.I2c.I2cDevice</c>).
    /// </summary>
    public interface II2cBus
    {
        /// <summary>Writes <paramref name="count"/> bytes from <paramref name="buffer"/> at <paramref name="offset"/>
        /// in one transaction. Returns false on a bus error.</summary>
        bool TryWrite(byte[] buffer, int offset, int count);

        /// <summary>Writes <paramref name="writeCount"/> bytes, then reads exactly <paramref name="readCount"/> bytes
        /// into <paramref name="readBuffer"/> at <paramref name="readOffset"/>. Returns false on a bus error or a short
        /// read; the read bytes are then undefined.</summary>
        bool TryWriteRead(byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount);
    }
}
