using System.Device.I2c;
using EdgeSensor.Core.Drivers;

namespace EdgeSensor.Simulator.Emulation;

/// <summary>
/// <see cref="II2cBus"/> over dotnet/iot's <see cref="I2cDevice"/> (a real Linux bus, or an emulator). dotnet/iot
/// reports a NACK or a failed transfer by throwing <see cref="IOException"/>; here that is a false return, as the
/// driver expects. The spans over the caller's arrays allocate nothing.
/// </summary>
public sealed class I2cDeviceBus : II2cBus
{
    private readonly I2cDevice _device;

    public I2cDeviceBus(I2cDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
    }

    public bool TryWrite(byte[] buffer, int offset, int count)
    {
        try
        {
            _device.Write(buffer.AsSpan(offset, count));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public bool TryWriteRead(byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
    {
        try
        {
            _device.WriteRead(writeBuffer.AsSpan(writeOffset, writeCount), readBuffer.AsSpan(readOffset, readCount));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
