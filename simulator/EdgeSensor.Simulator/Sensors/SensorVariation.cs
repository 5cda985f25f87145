using EdgeSensor.Simulator.Randomness;

namespace EdgeSensor.Simulator.Sensors;

/// <summary>
/// The ToF sensor's noise as one seed of a widened run has it. Units, cover glasses and the surfaces under a sensor
/// differ, and an independent model of the sensor would draw its noise its own way: so the noise level is drawn per seed
/// between <see cref="LeastNoiseScale"/> and <see cref="MostNoiseScale"/> times the model's, and a share of valid
/// readings of up to <see cref="MostOutlierProbability"/> carries an error <see cref="TofSensorModel.OutlierSigmas"/>
/// times wider (a heavier tail than a normal distribution's). The engine measures each zone's noise at boot and
/// filters single readings, so neither should change what it counts; the accuracy figures show whether it does.
/// </summary>
public sealed record SensorVariation(double NoiseScale, double OutlierProbability)
{
    public const double LeastNoiseScale = 0.6;
    public const double MostNoiseScale = 1.8;
    public const double MostOutlierProbability = 0.005;

    /// <summary>The model as written: its noise level, no outliers.</summary>
    public static SensorVariation Reference { get; } = new(1, 0);

    /// <summary>One seed's noise, uniformly within the ranges above.</summary>
    public static SensorVariation Draw(Rng rng) =>
        new(rng.Uniform(LeastNoiseScale, MostNoiseScale), rng.Uniform(0, MostOutlierProbability));

    /// <summary>The options with this noise.</summary>
    public TofSensorOptions ApplyTo(TofSensorOptions options) => options with { NoiseScale = NoiseScale, OutlierProbability = OutlierProbability };
}
