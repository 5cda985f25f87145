namespace EdgeSensor.Core.Drivers.Vl53l1x
{
    /// <summary>
    /// Range status of one measurement, as ST's drivers report it (VL53L1_RANGESTATUS_* in the VL53L1 API,
    /// UM2356 "RangeStatus"; the ultra lite driver maps the raw result code to these with its status_rtn table).
    /// Only <see cref="Valid"/> carries a distance to trust. <see cref="BusError"/> is ours: no result could be read.
    /// </summary>
    public enum Vl53l1xRangeStatus
    {
        /// <summary>0: valid distance.</summary>
        Valid = 0,

        /// <summary>1: sigma (standard deviation estimate) above the limit; typically strong ambient light.</summary>
        SigmaFail = 1,

        /// <summary>2: return signal too weak (target beyond range, dark target or ambient swamping).</summary>
        SignalFail = 2,

        /// <summary>3: target nearer than the minimum range; the distance is clipped.</summary>
        MinRangeClipped = 3,

        /// <summary>4: phase out of valid limits (out of bounds).</summary>
        OutOfBounds = 4,

        /// <summary>5: hardware or VCSEL failure.</summary>
        HardwareFail = 5,

        /// <summary>6: valid range, but the wrap-around check could not be made.</summary>
        NoWrapCheckFail = 6,

        /// <summary>7: wrap-around: a far target aliased to a short distance.</summary>
        WrapAround = 7,

        /// <summary>9: crosstalk signal failure.</summary>
        CrosstalkSignalFail = 9,

        /// <summary>10: first range after start (synchronisation); not a measurement.</summary>
        Synchronisation = 10,

        /// <summary>11: valid range from merged pulses.</summary>
        MergedPulse = 11,

        /// <summary>12: target present but signal too low to range.</summary>
        LackOfSignal = 12,

        /// <summary>13: minimum range failure.</summary>
        MinRangeFail = 13,

        /// <summary>254 (ours): the bus failed, no result was read; the distance reported with it is 0 and meaningless.</summary>
        BusError = 254,

        /// <summary>255: raw code with no defined meaning.</summary>
        Unknown = 255,
    }
}
