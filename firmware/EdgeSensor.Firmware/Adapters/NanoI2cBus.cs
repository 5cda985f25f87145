using System;
using System.Device.I2c;
using EdgeSensor.Core.Drivers;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// <see cref="II2cBus"/> over nanoFramework's <c>System.Device.I2c.I2cDevice</c>
    /// (https://github.com/nanoframework/System.Device.I2c). Its transfers return a status instead of throwing on a
    /// NACK; anything but <c>I2cTransferStatus.FullTransfer</c> is a bus error here. The device is received, not created:
    /// the app owns the bus set-up (pins, speed) and its lifetime. <c>SpanByte</c> is a struct, so a transfer
    /// allocates nothing.
    /// </summary>
    public sealed class NanoI2cBus : II2cBus
    {
        private readonly I2cDevice _device;

        public NanoI2cBus(I2cDevice device)
        {
            if (device == null)
            {
                throw new ArgumentNullException(nameof(device));
            }

            _device = device;
        }

        /// <inheritdoc />
        public bool TryWrite(byte[] buffer, int offset, int count)
        {
            try
            {
                I2cTransferResult result = _device.Write(new SpanByte(buffer, offset, count));
                return result.Status == I2cTransferStatus.FullTransfer;
            }
            catch (Exception)
            {
                // The native layer throws on a bus it could not drive at all; to the driver that is one more bus error.
                return false;
            }
        }

        /// <inheritdoc />
        public bool TryWriteRead(byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
        {
            try
            {
                I2cTransferResult result = _device.WriteRead(
                    new SpanByte(writeBuffer, writeOffset, writeCount),
                    new SpanByte(readBuffer, readOffset, readCount));
                return result.Status == I2cTransferStatus.FullTransfer;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
