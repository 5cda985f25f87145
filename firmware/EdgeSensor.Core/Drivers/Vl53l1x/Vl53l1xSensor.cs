using System;

namespace EdgeSensor.Core.Drivers.Vl53l1x
{
    /// <summary>
    /// Register-level driver of the ST VL53L1X Time-of-Flight sensor over an <see cref="II2cBus"/> bound to the
    /// device's address (0x29 unless changed). Written from ST's public documentation: datasheet DS12385
    /// (https://www.st.com/resource/en/datasheet/vl53l1x.pdf), the ultra lite driver user manual UM2510 and its
    /// C sources (STSW-IMG009), UM2555 for regions of interest. Every call is one or a few bus transactions and
    /// never waits: the caller polls (<see cref="Vl53l1xZoneRanger"/> sequences them). A false return is a bus
    /// error; out-of-range arguments are the caller's mistake and throw.
    /// </summary>
    public sealed partial class Vl53l1xSensor
    {
        /// <summary>The device's I²C address after power-up (7-bit).</summary>
        public const int DefaultAddress = 0x29;

        /// <summary>IDENTIFICATION__MODEL_ID read as 16 bits: model 0xEA, module type 0xCC.</summary>
        public const int ExpectedModelId = 0xEACC;

        // Result block read in one transaction from RESULT__RANGE_STATUS (0x89): status at 0, distance at 13..14
        // (0x96), as VL53L1X_GetResult reads it.
        private const int ResultBlockLength = 15;
        private const int ResultDistanceOffset = 13;

        private readonly II2cBus _bus;
        private readonly byte[] _write;
        private readonly byte[] _read;
        private DistanceMode _distanceMode;
        private bool _interruptActiveHigh;

        /// <summary>A driver for the device on <paramref name="bus"/>; nothing is sent until a method is called.</summary>
        public Vl53l1xSensor(II2cBus bus)
        {
            if (bus == null)
            {
                throw new ArgumentNullException(nameof(bus));
            }

            _bus = bus;
            _write = new byte[2 + s_defaultConfiguration.Length];
            _read = new byte[ResultBlockLength];
            _distanceMode = DistanceMode.Long;
            _interruptActiveHigh = true;
        }

        /// <summary>The distance mode last programmed (long after the default configuration).</summary>
        public DistanceMode DistanceMode => _distanceMode;

        /// <summary>Reads FIRMWARE__SYSTEM_STATUS: <paramref name="booted"/> once bit 0 is set. The device boots within
        /// 1.2 ms of XSHUT rising (DS12385 table "Timing", tBOOT); poll until then.</summary>
        public bool TryIsBooted(out bool booted)
        {
            booted = false;
            if (!TryReadBytes(Register.FirmwareSystemStatus, 1))
            {
                return false;
            }

            booted = (_read[0] & 0x01) != 0;
            return true;
        }

        /// <summary>Reads the 16-bit model id (<see cref="ExpectedModelId"/> for a VL53L1X).</summary>
        public bool TryReadModelId(out int modelId)
        {
            modelId = 0;
            if (!TryReadBytes(Register.IdentificationModelId, 2))
            {
                return false;
            }

            modelId = (_read[0] << 8) | _read[1];
            return true;
        }

        /// <summary>Writes ST's default configuration to registers 0x2D..0x87 in one auto-incrementing transaction
        /// (VL53L1X_SensorInit): long mode, 100 ms budget, full ROI, interrupt active high, ranging stopped.</summary>
        public bool TryWriteDefaultConfiguration()
        {
            SetIndex(Register.DefaultConfigurationStart);
            for (int i = 0; i < s_defaultConfiguration.Length; i++)
            {
                _write[2 + i] = s_defaultConfiguration[i];
            }

            if (!_bus.TryWrite(_write, 0, 2 + s_defaultConfiguration.Length))
            {
                return false;
            }

            _distanceMode = DistanceMode.Long;
            // 0x30 bit 4 clear in the block: interrupt active high (VL53L1X_GetInterruptPolarity).
            _interruptActiveHigh = (s_defaultConfiguration[(int)Register.GpioHvMuxCtrl - (int)Register.DefaultConfigurationStart] & 0x10) == 0;
            return true;
        }

        /// <summary>After the first range of a fresh start (VL53L1X_SensorInit): VHV loop bound 0x09 ("two bounds")
        /// and start the next VHV search from the previous temperature (0x0B = 0).</summary>
        public bool TryFinishTemperatureCalibration()
        {
            return TryWriteByte(Register.VhvConfigTimeoutMacropLoopBound, 0x09)
                && TryWriteByte(Register.VhvConfigInit, 0x00);
        }

        /// <summary>Programs the distance mode's timing registers (VL53L1X_SetDistanceMode). The timing budget is
        /// encoded per mode: set it again afterwards.</summary>
        public bool TrySetDistanceMode(DistanceMode mode)
        {
            bool isShort;
            if (mode == DistanceMode.Short)
            {
                isShort = true;
            }
            else if (mode == DistanceMode.Long)
            {
                isShort = false;
            }
            else
            {
                throw new ArgumentOutOfRangeException(nameof(mode));
            }

            bool ok = TryWriteByte(Register.PhasecalConfigTimeoutMacrop, isShort ? (byte)0x14 : (byte)0x0A)
                && TryWriteByte(Register.RangeConfigVcselPeriodA, isShort ? (byte)0x07 : (byte)0x0F)
                && TryWriteByte(Register.RangeConfigVcselPeriodB, isShort ? (byte)0x05 : (byte)0x0D)
                && TryWriteByte(Register.RangeConfigValidPhaseHigh, isShort ? (byte)0x38 : (byte)0xB8)
                && TryWriteWord(Register.SdConfigWoiSd0, isShort ? 0x0705 : 0x0F0D)
                && TryWriteWord(Register.SdConfigInitialPhaseSd0, isShort ? 0x0606 : 0x0E0E);
            if (ok)
            {
                _distanceMode = mode;
            }

            return ok;
        }

        /// <summary>Is <paramref name="budgetMilliseconds"/> one of the device's budgets in <paramref name="mode"/>
        /// (15, 20, 33, 50, 100, 200, 500 ms; 15 in short mode only)?</summary>
        public static bool IsSupportedTimingBudget(DistanceMode mode, int budgetMilliseconds)
        {
            ushort a;
            ushort b;
            return TryGetTimingRegisters(mode, budgetMilliseconds, out a, out b);
        }

        /// <summary>Programs the timing budget (integration time per measurement) for the current distance mode
        /// (VL53L1X_SetTimingBudgetInMs).</summary>
        public bool TrySetTimingBudget(int budgetMilliseconds)
        {
            ushort timeoutA;
            ushort timeoutB;
            if (!TryGetTimingRegisters(_distanceMode, budgetMilliseconds, out timeoutA, out timeoutB))
            {
                throw new ArgumentOutOfRangeException(nameof(budgetMilliseconds), "Not a VL53L1X timing budget in this distance mode.");
            }

            return TryWriteWord(Register.RangeConfigTimeoutMacropAHi, timeoutA)
                && TryWriteWord(Register.RangeConfigTimeoutMacropBHi, timeoutB);
        }

        /// <summary>Programs the inter-measurement period (start to start, ms; at least the timing budget, or the next
        /// range starts as soon as one ends). The register counts calibrated oscillator ticks: ms × (RESULT__OSC_CALIBRATE_VAL
        /// bits 9..0) × 1.075 (VL53L1X_SetInterMeasurementInMs).</summary>
        public bool TrySetInterMeasurement(int periodMilliseconds)
        {
            if (periodMilliseconds < 1 || periodMilliseconds > 100000)
            {
                throw new ArgumentOutOfRangeException(nameof(periodMilliseconds));
            }

            if (!TryReadBytes(Register.ResultOscCalibrateVal, 2))
            {
                return false;
            }

            long clock = ((_read[0] << 8) | _read[1]) & 0x3FF;
            long ticks = clock * periodMilliseconds * 1075 / 1000;
            SetIndex(Register.SystemIntermeasurementPeriod);
            _write[2] = (byte)(ticks >> 24);
            _write[3] = (byte)(ticks >> 16);
            _write[4] = (byte)(ticks >> 8);
            _write[5] = (byte)ticks;
            return _bus.TryWrite(_write, 0, 6);
        }

        /// <summary>Programs the ROI size (4..16 SPADs a side; UM2555). The centre is set apart, with
        /// <see cref="TrySetRoiCenter"/>.</summary>
        public bool TrySetRoiSize(int width, int height)
        {
            return TryWriteByte(Register.RoiConfigUserRoiRequestedGlobalXySize, Vl53l1xRoi.EncodeSize(width, height));
        }

        /// <summary>Programs the ROI centre SPAD (0..255, UM2555 numbering). Taken at the start of the next range.</summary>
        public bool TrySetRoiCenter(int spad)
        {
            if (spad < 0 || spad > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(spad));
            }

            return TryWriteByte(Register.RoiConfigUserRoiCentreSpad, (byte)spad);
        }

        /// <summary>Clears a pending interrupt, then starts continuous timed ranging (SYSTEM__MODE_START = 0x40).</summary>
        public bool TryStartRanging()
        {
            return TryClearInterrupt() && TryWriteByte(Register.SystemModeStart, 0x40);
        }

        /// <summary>Stops ranging (SYSTEM__MODE_START = 0x00).</summary>
        public bool TryStopRanging()
        {
            return TryWriteByte(Register.SystemModeStart, 0x00);
        }

        /// <summary>Clears the interrupt (SYSTEM__INTERRUPT_CLEAR = 0x01): acknowledges the result and arms the next.</summary>
        public bool TryClearInterrupt()
        {
            return TryWriteByte(Register.SystemInterruptClear, 0x01);
        }

        /// <summary>Polls GPIO__TIO_HV_STATUS: a new result is ready when bit 0 equals the interrupt polarity
        /// (VL53L1X_CheckForDataReady).</summary>
        public bool TryIsDataReady(out bool ready)
        {
            ready = false;
            if (!TryReadBytes(Register.GpioTioHvStatus, 1))
            {
                return false;
            }

            ready = ((_read[0] & 0x01) != 0) == _interruptActiveHigh;
            return true;
        }

        /// <summary>Reads the last result in one transaction: distance (mm) and range status (mapped from the raw code).
        /// On a bus error the outputs are 0 and <see cref="Vl53l1xRangeStatus.BusError"/>.</summary>
        public bool TryReadResult(out int distanceMillimeters, out Vl53l1xRangeStatus status)
        {
            if (!TryReadBytes(Register.ResultRangeStatus, ResultBlockLength))
            {
                distanceMillimeters = 0;
                status = Vl53l1xRangeStatus.BusError;
                return false;
            }

            status = MapRawRangeStatus(_read[0]);
            distanceMillimeters = (_read[ResultDistanceOffset] << 8) | _read[ResultDistanceOffset + 1];
            return true;
        }

        private void SetIndex(Register register)
        {
            _write[0] = (byte)((int)register >> 8);
            _write[1] = (byte)register;
        }

        private bool TryWriteByte(Register register, byte value)
        {
            SetIndex(register);
            _write[2] = value;
            return _bus.TryWrite(_write, 0, 3);
        }

        private bool TryWriteWord(Register register, int value)
        {
            SetIndex(register);
            _write[2] = (byte)(value >> 8);
            _write[3] = (byte)value;
            return _bus.TryWrite(_write, 0, 4);
        }

        private bool TryReadBytes(Register register, int count)
        {
            SetIndex(register);
            return _bus.TryWriteRead(_write, 0, 2, _read, 0, count);
        }
    }
}
