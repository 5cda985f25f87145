namespace EdgeSensor.Simulator.Accuracy;

/// <summary>Counts summed over the seeds of one scenario (or one population group).</summary>
public sealed class ScenarioTally
{
    public required string Name { get; init; }

    public int Runs { get; set; }

    public int TruthEntries { get; set; }

    public int TruthExits { get; set; }

    public int Entries { get; set; }

    public int Exits { get; set; }

    public int Missed { get; set; }

    public int FalseCounts { get; set; }

    /// <summary>Turn-back events in the scenario's scenes (people who came in under the sensor and went back).</summary>
    public int TurnBackEvents { get; set; }

    /// <summary>Truth crossings by population group (truth channel 0..3) in this scenario's traces.</summary>
    public int[] TruthByGroup { get; } = new int[4];

    /// <summary>Missed truth crossings by population group.</summary>
    public int[] MissedByGroup { get; } = new int[4];

    /// <summary>Counts in a scenario with nothing but turn-backs: each is a turn-back counted by mistake.</summary>
    public int TurnBackFalseCounts { get; set; }

    /// <summary>The worst single seed's combined accuracy.</summary>
    public double? WorstRunAccuracy { get; set; }

    public double? EntryAccuracy => Score.DirectionAccuracy(Entries, TruthEntries);

    public double? ExitAccuracy => Score.DirectionAccuracy(Exits, TruthExits);

    public double? Accuracy => Score.CombinedAccuracy(Entries, TruthEntries, Exits, TruthExits);

    /// <summary>1 − (missed + false counts) / truth: stricter than the count accuracy.</summary>
    public double? EventAccuracy
    {
        get
        {
            int truth = TruthEntries + TruthExits;
            return truth <= 0 ? null : Math.Max(0, 1 - (Missed + FalseCounts) / (double)truth);
        }
    }

    public double? TurnBackFalseCountRate => TurnBackEvents <= 0 ? null : TurnBackFalseCounts / (double)TurnBackEvents;
}
