using EdgeSensor.Core.Drivers;

namespace EdgeSensor.Core.Tests.Drivers;

/// <summary>
/// A register file behind <see cref="II2cBus"/>: 16-bit big-endian indices, auto-increment, every write logged as
/// (index, bytes). The test scripts the device side by setting registers; <see cref="FailWhen"/> makes chosen
/// transactions fail as a NACK would.
/// </summary>
internal sealed class ScriptedRegisterBus : II2cBus
{
    public readonly byte[] Registers = new byte[0x10000];

    public List<(int Index, byte[] Data)> Writes { get; } = [];

    /// <summary>Reads seen (index, count), in order.</summary>
    public List<(int Index, int Count)> Reads { get; } = [];

    /// <summary>Decides per transaction (index, isRead) whether it fails.</summary>
    public Func<int, bool, bool>? FailWhen { get; set; }

    /// <summary>When false, writes are still logged but do not change the register file (read-only status bytes).</summary>
    public Func<int, bool> Writable { get; set; } = _ => true;

    /// <summary>When false, transactions are not logged (allocation measurements).</summary>
    public bool Log { get; set; } = true;

    public bool TryWrite(byte[] buffer, int offset, int count)
    {
        int index = (buffer[offset] << 8) | buffer[offset + 1];
        if (FailWhen?.Invoke(index, false) == true)
        {
            return false;
        }

        if (Log)
        {
            Writes.Add((index, buffer[(offset + 2)..(offset + count)]));
        }

        for (int i = 2; i < count; i++)
        {
            if (Writable(index + i - 2))
            {
                Registers[index + i - 2] = buffer[offset + i];
            }
        }

        if (index == 0x86 && count > 2 && (buffer[offset + 2] & 0x01) != 0)
        {
            Registers[0x31] &= 0xFE; // interrupt clear drops the line, as the device does
        }

        return true;
    }

    public bool TryWriteRead(byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
    {
        int index = (writeBuffer[writeOffset] << 8) | writeBuffer[writeOffset + 1];
        if (FailWhen?.Invoke(index, true) == true)
        {
            return false;
        }

        if (Log)
        {
            Reads.Add((index, readCount));
        }

        Array.Copy(Registers, index, readBuffer, readOffset, readCount);
        return true;
    }

    public void SetWord(int index, int value)
    {
        Registers[index] = (byte)(value >> 8);
        Registers[index + 1] = (byte)value;
    }

    public int Word(int index) => (Registers[index] << 8) | Registers[index + 1];

    /// <summary>A booted VL53L1X: system status 1, model id 0xEACC, an oscillator calibration value.</summary>
    public static ScriptedRegisterBus BootedDevice()
    {
        var bus = new ScriptedRegisterBus();
        bus.Registers[0xE5] = 0x01;
        bus.SetWord(0x010F, 0xEACC);
        bus.SetWord(0xDE, 0x0200);
        return bus;
    }

    /// <summary>Latches a result: raw status byte, distance, and the interrupt line raised (active high).</summary>
    public void Latch(int rawStatus, int distanceMillimeters)
    {
        Registers[0x89] = (byte)rawStatus;
        SetWord(0x96, distanceMillimeters);
        Registers[0x31] = 0x03;
    }
}
