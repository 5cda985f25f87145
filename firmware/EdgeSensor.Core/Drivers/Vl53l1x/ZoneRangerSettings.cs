using System;

namespace EdgeSensor.Core.Drivers.Vl53l1x
{
    /// <summary>
    /// How <see cref="Vl53l1xZoneRanger"/> programs the sensor: two regions of interest of one size on the SPAD array
    /// (UM2555), measured alternately. Defaults are the two-zone people-counting set-up of ST's UM2600
    /// (https://www.st.com/resource/en/user_manual/um2600-counting-people-with-the-vl53l1x-longdistance-ranging-timeofflight-sensor-stmicroelectronics.pdf):
    /// 8 × 16 ROIs centred on SPADs 167 and 231 (the two halves of the array), long mode, 33 ms per zone.
    /// </summary>
    public sealed class ZoneRangerSettings
    {
        public ZoneRangerSettings()
        {
            DistanceMode = DistanceMode.Long;
            TimingBudgetMilliseconds = 33;
            RoiWidth = 8;
            RoiHeight = 16;
            Zone0RoiCenter = 167;
            Zone1RoiCenter = 231;
            BootTimeoutMilliseconds = 500;
        }

        /// <summary>Distance mode (long for a ceiling mount of 2–4 m).</summary>
        public DistanceMode DistanceMode { get; set; }

        /// <summary>Integration time per zone measurement: 15 (short mode only), 20, 33, 50, 100, 200 or 500 ms.</summary>
        public int TimingBudgetMilliseconds { get; set; }

        /// <summary>Inter-measurement period (ms), start to start; 0 = the budget plus 4 ms (the least the device takes
        /// between ranges with headroom for the ROI switch).</summary>
        public int InterMeasurementMilliseconds { get; set; }

        /// <summary>ROI width in SPAD columns, 4..16.</summary>
        public int RoiWidth { get; set; }

        /// <summary>ROI height in SPAD rows, 4..16.</summary>
        public int RoiHeight { get; set; }

        /// <summary>Centre SPAD of zone 0 (0..255, UM2555 numbering).</summary>
        public int Zone0RoiCenter { get; set; }

        /// <summary>Centre SPAD of zone 1 (0..255).</summary>
        public int Zone1RoiCenter { get; set; }

        /// <summary>How long to wait for the device to boot, and for the first (calibration) range, before giving up.</summary>
        public int BootTimeoutMilliseconds { get; set; }

        /// <summary>The inter-measurement period actually programmed.</summary>
        public int EffectiveInterMeasurementMilliseconds =>
            InterMeasurementMilliseconds > 0 ? InterMeasurementMilliseconds : TimingBudgetMilliseconds + 4;

        /// <summary>Throws <see cref="ArgumentException"/> naming the first setting the device cannot take.</summary>
        public void Validate()
        {
            if (!Vl53l1xSensor.IsSupportedTimingBudget(DistanceMode, TimingBudgetMilliseconds))
            {
                throw new ArgumentException("TimingBudgetMilliseconds: not a VL53L1X timing budget in this distance mode.");
            }

            if (InterMeasurementMilliseconds != 0 && InterMeasurementMilliseconds < TimingBudgetMilliseconds)
            {
                throw new ArgumentException("InterMeasurementMilliseconds: must be 0 or at least the timing budget.");
            }

            if (RoiWidth < Vl53l1xRoi.MinimumSize || RoiWidth > Vl53l1xRoi.ArraySize
                || RoiHeight < Vl53l1xRoi.MinimumSize || RoiHeight > Vl53l1xRoi.ArraySize)
            {
                throw new ArgumentException("RoiWidth, RoiHeight: 4..16 SPADs.");
            }

            if (Zone0RoiCenter < 0 || Zone0RoiCenter > 255 || Zone1RoiCenter < 0 || Zone1RoiCenter > 255)
            {
                throw new ArgumentException("Zone0RoiCenter, Zone1RoiCenter: SPAD numbers 0..255.");
            }

            if (BootTimeoutMilliseconds < 1)
            {
                throw new ArgumentException("BootTimeoutMilliseconds: at least 1.");
            }
        }
    }
}
