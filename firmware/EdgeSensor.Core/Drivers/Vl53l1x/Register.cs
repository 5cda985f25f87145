namespace EdgeSensor.Core.Drivers.Vl53l1x
{
    /// <summary>
    /// The VL53L1X registers this driver uses: 16-bit indices, big-endian multi-byte values, auto-incrementing
    /// across a multi-byte access. ST publishes no full register map; these are the indices ST's ultra lite driver
    /// (STSW-IMG009, VL53L1X_api.h, https://github.com/stm32duino/VL53L1X/blob/main/src/VL53L1X_api.h) names.
    /// </summary>
    public enum Register : ushort
    {
        /// <summary>7-bit I²C address of the device (default 0x29).</summary>
        I2cSlaveDeviceAddress = 0x0001,

        /// <summary>VHV (temperature compensation) loop bound: 0x09 after the first range = "two bounds, from the previous temperature".</summary>
        VhvConfigTimeoutMacropLoopBound = 0x0008,

        /// <summary>VHV start point: 0 = start from the previous temperature (written after the first range).</summary>
        VhvConfigInit = 0x000B,

        /// <summary>First byte of the default configuration block (0x2D..0x87) written at initialisation.</summary>
        DefaultConfigurationStart = 0x002D,

        /// <summary>GPIO1 (interrupt) mux control: bit 4 set = interrupt active low.</summary>
        GpioHvMuxCtrl = 0x0030,

        /// <summary>GPIO1 status: bit 0 is the interrupt line's level (new data ready at the programmed polarity).</summary>
        GpioTioHvStatus = 0x0031,

        /// <summary>Phase-calibration timeout: 0x14 in short distance mode, 0x0A in long.</summary>
        PhasecalConfigTimeoutMacrop = 0x004B,

        /// <summary>Range timeout A (16 bits), the encoded timing budget.</summary>
        RangeConfigTimeoutMacropAHi = 0x005E,

        /// <summary>VCSEL period A: 0x07 short, 0x0F long.</summary>
        RangeConfigVcselPeriodA = 0x0060,

        /// <summary>Range timeout B (16 bits), the encoded timing budget.</summary>
        RangeConfigTimeoutMacropBHi = 0x0061,

        /// <summary>VCSEL period B: 0x05 short, 0x0D long.</summary>
        RangeConfigVcselPeriodB = 0x0063,

        /// <summary>Valid phase high: 0x38 short, 0xB8 long.</summary>
        RangeConfigValidPhaseHigh = 0x0069,

        /// <summary>Inter-measurement period (32 bits), in oscillator ticks (ms × calibrated clock × 1.075).</summary>
        SystemIntermeasurementPeriod = 0x006C,

        /// <summary>Sigma-delta window of interest (16 bits): 0x0705 short, 0x0F0D long.</summary>
        SdConfigWoiSd0 = 0x0078,

        /// <summary>Sigma-delta initial phase (16 bits): 0x0606 short, 0x0E0E long.</summary>
        SdConfigInitialPhaseSd0 = 0x007A,

        /// <summary>Centre SPAD of the user region of interest (0..255, UM2555 numbering).</summary>
        RoiConfigUserRoiCentreSpad = 0x007F,

        /// <summary>Size of the user region of interest: (height − 1) in the high nibble, (width − 1) in the low.</summary>
        RoiConfigUserRoiRequestedGlobalXySize = 0x0080,

        /// <summary>Write 0x01 to clear the interrupt and arm the next one.</summary>
        SystemInterruptClear = 0x0086,

        /// <summary>0x40 starts continuous (timed) ranging, 0x00 stops it.</summary>
        SystemModeStart = 0x0087,

        /// <summary>First byte of the result block: range status (raw code in bits 4..0).</summary>
        ResultRangeStatus = 0x0089,

        /// <summary>Crosstalk-corrected distance of the last range (16 bits, mm); byte 13 of the result block.</summary>
        ResultFinalCrosstalkCorrectedRangeMmSd0 = 0x0096,

        /// <summary>Calibrated oscillator period (16 bits; bits 9..0 used for the inter-measurement period).</summary>
        ResultOscCalibrateVal = 0x00DE,

        /// <summary>Firmware system status: non-zero (bit 0) once the device has booted.</summary>
        FirmwareSystemStatus = 0x00E5,

        /// <summary>Model id (0xEA) followed by module type (0xCC): read as 16 bits, 0xEACC.</summary>
        IdentificationModelId = 0x010F,

        /// <summary>The device's calibrated optical centre SPAD (read-only).</summary>
        RoiConfigModeRoiCentreSpad = 0x013E,
    }
}
