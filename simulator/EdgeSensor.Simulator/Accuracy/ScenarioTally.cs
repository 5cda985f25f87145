namespace EdgeSensor.Simulator.Accuracy;

/// <summary>Counts summed over the seeds of one scenario (or one population group).</summary>
public sealed class ScenarioTally
{
    public required string Name { get; init; }

    public int Runs { get; set; }

    /// <summary>Simulated time over the runs (hours): the base of a false-count rate where there is no truth.</summary>
    public double Hours { get; set; }

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

    /// <summary>False counts by the population group of the person nearest to them in time and space (see
    /// <see cref="AccuracyRunner"/>); those with nobody near are in <see cref="UnattributedFalseCounts"/>.</summary>
    public int[] FalseByGroup { get; } = new int[4];

    /// <summary>False counts with nobody within reach of the sensor around their time.</summary>
    public int UnattributedFalseCounts { get; set; }

    /// <summary>Every miss and false count, in run order (what <c>accuracy --errors</c> lists).</summary>
    public List<ErrorEvent> Errors { get; } = [];

    /// <summary>Counts in a scenario with nothing but turn-backs: each is a turn-back counted by mistake.</summary>
    public int TurnBackFalseCounts { get; set; }

    /// <summary>The worst single seed's combined accuracy.</summary>
    public double? WorstRunAccuracy { get; set; }

    /// <summary>The worst single seed's event accuracy.</summary>
    public double? WorstRunEventAccuracy { get; set; }

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

    /// <summary>Event accuracy of one population group: 1 − (its misses + the false counts attributed to it) / its truth.</summary>
    public double? GroupEventAccuracy(int group) =>
        TruthByGroup[group] <= 0 ? null : Math.Max(0, 1 - (MissedByGroup[group] + FalseByGroup[group]) / (double)TruthByGroup[group]);

    /// <summary>Count accuracy of one group with the same attribution: its count is truth − misses + attributed false counts.</summary>
    public double? GroupCountAccuracy(int group) =>
        TruthByGroup[group] <= 0 ? null : Math.Max(0, 1 - Math.Abs(FalseByGroup[group] - MissedByGroup[group]) / (double)TruthByGroup[group]);

    /// <summary>Adds another tally's counts (pooling scenarios); worst-seed figures take the worse.</summary>
    public void Add(ScenarioTally other)
    {
        Runs += other.Runs;
        Hours += other.Hours;
        TruthEntries += other.TruthEntries;
        TruthExits += other.TruthExits;
        Entries += other.Entries;
        Exits += other.Exits;
        Missed += other.Missed;
        FalseCounts += other.FalseCounts;
        TurnBackEvents += other.TurnBackEvents;
        TurnBackFalseCounts += other.TurnBackFalseCounts;
        UnattributedFalseCounts += other.UnattributedFalseCounts;
        Errors.AddRange(other.Errors);
        for (int g = 0; g < 4; g++)
        {
            TruthByGroup[g] += other.TruthByGroup[g];
            MissedByGroup[g] += other.MissedByGroup[g];
            FalseByGroup[g] += other.FalseByGroup[g];
        }

        WorstRunAccuracy = Worse(WorstRunAccuracy, other.WorstRunAccuracy);
        WorstRunEventAccuracy = Worse(WorstRunEventAccuracy, other.WorstRunEventAccuracy);
    }

    private static double? Worse(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>False counts an hour (the empty-floor scenario's figure: with nobody there every count is false).</summary>
    public double? FalseCountsPerHour => Hours <= 0 ? null : FalseCounts / Hours;

    public double? TurnBackFalseCountRate => TurnBackEvents <= 0 ? null : TurnBackFalseCounts / (double)TurnBackEvents;
}
