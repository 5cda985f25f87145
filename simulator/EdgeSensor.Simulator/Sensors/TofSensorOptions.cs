namespace EdgeSensor.Simulator.Sensors;

/// <summary>Parameters of the simulated VL53L1X-class ToF sensor (defaults: long distance mode, 33 ms budget, indoors).</summary>
public sealed record TofSensorOptions
{
    /// <summary>Full (square) field of view of the SPAD array: 27° (VL53L1X datasheet DS12385 §2.5).</summary>
    public double FieldOfViewDegrees { get; init; } = 27;

    /// <summary>Integration time per measurement; the zones are measured one after the other, each taking this long.</summary>
    public int TimingBudgetMs { get; init; } = 33;

    /// <summary>Extra time per measurement to switch the region of interest and read out (I²C).</summary>
    public int OverheadMs { get; init; } = 2;

    /// <summary>Ambient infrared level, 0 = dark indoors, 1 = direct sunlight on the floor.</summary>
    public double Ambient { get; init; }

    /// <summary>The zones' region of interest on the SPAD array (default: two 8 × 16 halves): what each zone sees, and how
    /// many SPADs gather its return (<see cref="TofSensorModel.NoiseSigma"/>).</summary>
    public ZoneRoi Roi { get; init; } = ZoneRoi.PeopleCounting;

    /// <summary>How a zone's reading follows from the bodies under it (<see cref="CoverageModel"/>).</summary>
    public CoverageModel Coverage { get; init; } = CoverageModel.Footprint;

    /// <summary>Probability that a measurement is lost altogether (bus error: no row is written).</summary>
    public double MissingSampleProbability { get; init; } = 0.001;

    /// <summary>Multiplies the noise of every reading (<see cref="TofSensorModel.NoiseSigma"/>): 1 is the model's level;
    /// <see cref="SensorVariation"/> draws another per seed.</summary>
    public double NoiseScale { get; init; } = 1;

    /// <summary>Share of valid readings whose error is drawn <see cref="TofSensorModel.OutlierSigmas"/> times wider: a
    /// heavier tail than a normal distribution's (0 in the model; <see cref="SensorVariation"/> draws one per seed).</summary>
    public double OutlierProbability { get; init; }
}
