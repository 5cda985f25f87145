namespace EdgeSensor.Simulator.Sensors;

/// <summary>
/// Range status codes as the VL53L1X ultra-lite driver reports them (ST UM2510, VL53L1X_GetRangeStatus):
/// only 0 is a valid distance.
/// </summary>
public static class TofRangeStatus
{
    public const int Valid = 0;

    /// <summary>Sigma (standard deviation estimate) above the limit: noisy, usually strong ambient light.</summary>
    public const int SigmaFail = 1;

    /// <summary>Return signal too weak: target beyond range or swamped by ambient light.</summary>
    public const int SignalFail = 2;

    /// <summary>Phase out of valid limits (sensor out of bounds).</summary>
    public const int OutOfBounds = 4;

    /// <summary>Wrap-around: a far target aliased to a short distance.</summary>
    public const int WrapAround = 7;
}
