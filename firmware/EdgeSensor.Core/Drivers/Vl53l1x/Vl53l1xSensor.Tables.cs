namespace EdgeSensor.Core.Drivers.Vl53l1x
{
    /// <summary>The device's data tables, from ST's ultra lite driver (STSW-IMG009, VL53L1X_api.c;
    /// https://github.com/stm32duino/VL53L1X/blob/main/src/VL53L1X_api.cpp): values of the chip, not code.</summary>
    public sealed partial class Vl53l1xSensor
    {
        // Timing budgets (ms) the device supports; 15 ms in short distance mode only.
        private static readonly int[] s_supportedTimingBudgets = new int[] { 15, 20, 33, 50, 100, 200, 500 };

        // Registers 0x2D..0x87 as ST's ultra lite driver writes them at initialisation (VL51L1X_DEFAULT_CONFIGURATION):
        // I²C/GPIO pull-ups at AVDD, interrupt active high on new sample (0x30 = 0x01, 0x46 = 0x20), long distance
        // mode with a 100 ms budget, sigma limit 90 mm, ROI 16 × 16 centred on SPAD 199, ranging stopped.
        private static readonly byte[] s_defaultConfiguration = new byte[]
        {
            0x00, 0x01, 0x01, 0x01, 0x02, 0x00, 0x02, 0x08, 0x00, 0x08, 0x10, 0x01, 0x01, 0x00, 0x00, 0x00, // 0x2D..0x3C
            0x00, 0xFF, 0x00, 0x0F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x0B, 0x00, 0x00, 0x02, 0x0A, 0x21, // 0x3D..0x4C
            0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0xC8, 0x00, 0x00, 0x38, 0xFF, 0x01, 0x00, 0x08, 0x00, // 0x4D..0x5C
            0x00, 0x01, 0xCC, 0x0F, 0x01, 0xF1, 0x0D, 0x01, 0x68, 0x00, 0x80, 0x08, 0xB8, 0x00, 0x00, 0x00, // 0x5D..0x6C
            0x00, 0x0F, 0x89, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x0F, 0x0D, 0x0E, 0x0E, 0x00, // 0x6D..0x7C
            0x00, 0x02, 0xC7, 0xFF, 0x9B, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,                               // 0x7D..0x87
        };

        // Timeout A and B register values per budget (index as s_supportedTimingBudgets), VL53L1X_SetTimingBudgetInMs.
        private static readonly ushort[] s_shortTimeoutA = new ushort[] { 0x001D, 0x0051, 0x00D6, 0x01AE, 0x02E1, 0x03E1, 0x0591 };
        private static readonly ushort[] s_shortTimeoutB = new ushort[] { 0x0027, 0x006E, 0x006E, 0x01E8, 0x0388, 0x0496, 0x05C1 };
        private static readonly ushort[] s_longTimeoutA = new ushort[] { 0x0000, 0x001E, 0x0060, 0x00AD, 0x01CC, 0x02D9, 0x048F };
        private static readonly ushort[] s_longTimeoutB = new ushort[] { 0x0000, 0x0022, 0x006E, 0x00C6, 0x01EA, 0x02F8, 0x04A4 };

        /// <summary>Length of the default configuration block (registers 0x2D..0x87).</summary>
        public static int DefaultConfigurationLength => s_defaultConfiguration.Length;

        /// <summary>One byte of the default configuration block (index 0 = register 0x2D); for emulators and tests.</summary>
        public static byte DefaultConfigurationByte(int index)
        {
            return s_defaultConfiguration[index];
        }

        /// <summary>Timeout A and B values for a budget in a mode; false when the pair is not supported.</summary>
        public static bool TryGetTimingRegisters(DistanceMode mode, int budgetMilliseconds, out ushort timeoutA, out ushort timeoutB)
        {
            timeoutA = 0;
            timeoutB = 0;
            int index = IndexOfBudget(budgetMilliseconds);
            if (index < 0 || (mode == DistanceMode.Long && index == 0) || (mode != DistanceMode.Long && mode != DistanceMode.Short))
            {
                return false;
            }

            timeoutA = mode == DistanceMode.Short ? s_shortTimeoutA[index] : s_longTimeoutA[index];
            timeoutB = mode == DistanceMode.Short ? s_shortTimeoutB[index] : s_longTimeoutB[index];
            return true;
        }

        /// <summary>The budget (ms) a timeout A value encodes in a mode, or 0 when it is none of the table's.</summary>
        public static int TimingBudgetFromTimeoutA(DistanceMode mode, ushort timeoutA)
        {
            ushort[] table = mode == DistanceMode.Short ? s_shortTimeoutA : s_longTimeoutA;
            for (int i = 0; i < table.Length; i++)
            {
                if (table[i] == timeoutA && table[i] != 0)
                {
                    return s_supportedTimingBudgets[i];
                }
            }

            return 0;
        }

        /// <summary>The driver's status for a raw result code (bits 4..0 of RESULT__RANGE_STATUS): ST's status_rtn table.</summary>
        public static Vl53l1xRangeStatus MapRawRangeStatus(int raw)
        {
            switch (raw & 0x1F)
            {
                case 3: return Vl53l1xRangeStatus.HardwareFail;
                case 4: return Vl53l1xRangeStatus.SignalFail;
                case 5: return Vl53l1xRangeStatus.OutOfBounds;
                case 6: return Vl53l1xRangeStatus.SigmaFail;
                case 7: return Vl53l1xRangeStatus.WrapAround;
                case 8: return Vl53l1xRangeStatus.MinRangeClipped;
                case 9: return Vl53l1xRangeStatus.Valid;
                case 12: return Vl53l1xRangeStatus.CrosstalkSignalFail;
                case 13: return Vl53l1xRangeStatus.MinRangeFail;
                case 18: return Vl53l1xRangeStatus.Synchronisation;
                case 19: return Vl53l1xRangeStatus.NoWrapCheckFail;
                case 22: return Vl53l1xRangeStatus.MergedPulse;
                case 23: return Vl53l1xRangeStatus.LackOfSignal;
                default: return Vl53l1xRangeStatus.Unknown;
            }
        }

        private static int IndexOfBudget(int budgetMilliseconds)
        {
            for (int i = 0; i < s_supportedTimingBudgets.Length; i++)
            {
                if (s_supportedTimingBudgets[i] == budgetMilliseconds)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
