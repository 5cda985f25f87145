using System.Device.I2c;
using EdgeSensor.Core.Drivers.Vl53l1x;
using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Emulation;

/// <summary>
/// A VL53L1X at register level behind dotnet/iot's <see cref="I2cDevice"/>, so any driver — ours through
/// <see cref="I2cDeviceBus"/>, or dotnet/iot's own <c>Iot.Device.Vl53L1X</c> — can run against a simulated scene.
/// It keeps the register file (16-bit big-endian indices, auto-increment; power-on state = ST's default
/// configuration), boots 1.2 ms after creation (DS12385 tBOOT), decodes what drivers write (default block,
/// distance mode, timing budget, inter-measurement period, ROI size and centre, start/stop, interrupt clear) and
/// ranges on the <see cref="SimulatedClock"/>: each range integrates for the programmed budget over the ROI
/// programmed when it started, and reports the distance and range status the simulator's ToF physics
/// (<see cref="TofSensorModel"/>) gives for that ROI's pyramid at the middle of the integration.
/// Its timing (Vl53l1xEmulator.Ranging.cs) is the model stated there; ST publishes no register-level timing.
/// </summary>
public sealed partial class Vl53l1xEmulator : I2cDevice
{
    /// <summary>Oscillator calibration value this emulated part reports at 0xDE (bits 9..0 used).</summary>
    public const int OscillatorCalibration = 0x0200;

    /// <summary>Calibrated optical centre SPAD at 0x13E.</summary>
    public const int OpticalCenter = 199;

    private const double BootMilliseconds = 1.2;

    private readonly byte[] _registers = new byte[0x10000];
    private readonly I2cConnectionSettings _settings;
    private readonly SimulatedClock _clock;
    private readonly double _bootedAt;
    private int _index;

    /// <param name="scene">What the sensor looks at.</param>
    /// <param name="physics">The ToF physics' options (field of view, ambient light); its timing budget is replaced by
    /// the one the driver programs.</param>
    /// <param name="seed">Noise seed: the same seed, scene and bus traffic give the same readings.</param>
    /// <param name="clock">Simulated time; the emulator reads it, the owner advances it.</param>
    public Vl53l1xEmulator(Scene scene, TofSensorOptions physics, ulong seed, SimulatedClock clock, int busId = 1)
    {
        _scene = scene;
        _physics = physics;
        _seed = seed;
        _clock = clock;
        _settings = new I2cConnectionSettings(busId, Vl53l1xSensor.DefaultAddress);
        _bootedAt = clock.NowMilliseconds + BootMilliseconds;
        for (int i = 0; i < Vl53l1xSensor.DefaultConfigurationLength; i++)
        {
            _registers[(int)Register.DefaultConfigurationStart + i] = Vl53l1xSensor.DefaultConfigurationByte(i);
        }

        _registers[(int)Register.IdentificationModelId] = 0xEA;
        _registers[(int)Register.IdentificationModelId + 1] = 0xCC;
        _registers[(int)Register.ResultOscCalibrateVal] = OscillatorCalibration >> 8;
        _registers[(int)Register.ResultOscCalibrateVal + 1] = OscillatorCalibration & 0xFF;
        _registers[(int)Register.RoiConfigModeRoiCentreSpad] = OpticalCenter;
        _registers[(int)Register.I2cSlaveDeviceAddress] = Vl53l1xSensor.DefaultAddress;
    }

    public override I2cConnectionSettings ConnectionSettings => _settings;

    /// <summary>Transactions still to fail (a NACK: <see cref="IOException"/>, as dotnet/iot's Linux device throws).</summary>
    public int FailNextTransactions { get; set; }

    /// <summary>Bus transactions served.</summary>
    public long Transactions { get; private set; }

    /// <summary>The level of the GPIO1 interrupt pin at the programmed polarity: true = a result is waiting.</summary>
    public bool InterruptLine
    {
        get
        {
            Catch();
            return _interrupt == InterruptActiveHigh;
        }
    }

    private bool InterruptActiveHigh => (_registers[(int)Register.GpioHvMuxCtrl] & 0x10) == 0;

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer)
    {
        Begin();
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = ReadRegister(_index);
            _index = (_index + 1) & 0xFFFF;
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Begin();
        if (buffer.Length < 2)
        {
            // Half an index: the device NACKs nothing, but nothing is addressed either.
            return;
        }

        _index = (buffer[0] << 8) | buffer[1];
        for (int i = 2; i < buffer.Length; i++)
        {
            WriteRegister(_index, buffer[i]);
            _index = (_index + 1) & 0xFFFF;
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Transactions--;
        Read(readBuffer);
    }

    private void Begin()
    {
        Transactions++;
        if (FailNextTransactions > 0)
        {
            FailNextTransactions--;
            throw new IOException("Error 121 performing I2C data transfer (emulated NACK).");
        }

        Catch();
    }

    private byte ReadRegister(int index)
    {
        if (index == (int)Register.FirmwareSystemStatus)
        {
            return _clock.NowMilliseconds >= _bootedAt ? (byte)0x01 : (byte)0x00;
        }

        if (index == (int)Register.GpioTioHvStatus)
        {
            // Bit 0 is the interrupt line at the programmed polarity; the other bits read back as written.
            int line = _interrupt == InterruptActiveHigh ? 1 : 0;
            return (byte)((_registers[index] & 0xFE) | line);
        }

        return _registers[index];
    }

    private void WriteRegister(int index, byte value)
    {
        if (IsReadOnly(index))
        {
            return;
        }

        if (index == (int)Register.SystemInterruptClear)
        {
            if ((value & 0x01) != 0)
            {
                ClearInterrupt();
            }

            return;
        }

        _registers[index] = value;
        if (index == (int)Register.SystemModeStart)
        {
            if (value == 0x40)
            {
                StartRanging();
            }
            else if (value == 0x00)
            {
                StopRanging();
            }
        }
    }

    // Results, identification, calibration and status are the device's; a driver's write to them is lost.
    private static bool IsReadOnly(int index) =>
        (index >= (int)Register.ResultRangeStatus && index <= 0x00DF)
        || index == (int)Register.FirmwareSystemStatus
        || index == (int)Register.IdentificationModelId || index == (int)Register.IdentificationModelId + 1
        || index == (int)Register.RoiConfigModeRoiCentreSpad;

    private int Word(Register register) => (_registers[(int)register] << 8) | _registers[(int)register + 1];

    private uint DoubleWord(Register register) =>
        (uint)((_registers[(int)register] << 24) | (_registers[(int)register + 1] << 16)
            | (_registers[(int)register + 2] << 8) | _registers[(int)register + 3]);

    private void SetWord(int index, int value)
    {
        _registers[index] = (byte)(value >> 8);
        _registers[index + 1] = (byte)value;
    }
}
