namespace EdgeSensor.Simulator.Population;

/// <summary>The population groups whose counting accuracy is reported separately.</summary>
public enum PopulationGroup
{
    Adult,
    Child,
    Wheelchair,
    Stroller,
}
