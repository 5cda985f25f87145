using EdgeSensor.Core.Reports;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>One window as the consumer receives it (every report field about people and health), next to the
/// true counters the device had before its disclosure control ran.</summary>
public sealed record ReleasedWindow
{
    public required int Index { get; init; }

    public required ushort Entries { get; init; }

    public required ushort Exits { get; init; }

    public required ushort OccupancyAtEnd { get; init; }

    public required ushort PeakOccupancy { get; init; }

    public required ushort PirActivityPermille { get; init; }

    public required ushort InvalidSamplePermille { get; init; }

    public required CalibrationState CalibrationState { get; init; }

    public required byte SuppressedMask { get; init; }

    public required ushort EpsilonMilli { get; init; }

    public required uint PrivacyBudgetSpentMilli { get; init; }

    public required int TrueEntries { get; init; }

    public required int TrueExits { get; init; }

    public required int TrueOccupancyAtEnd { get; init; }

    public required int TruePeakOccupancy { get; init; }

    public bool IsWithheld(byte field) => (SuppressedMask & field) != 0;

    public static ReleasedWindow From(int index, WindowReport released, WindowReport truth) => new()
    {
        Index = index,
        Entries = released.Entries,
        Exits = released.Exits,
        OccupancyAtEnd = released.OccupancyAtEnd,
        PeakOccupancy = released.PeakOccupancy,
        PirActivityPermille = released.PirActivityPermille,
        InvalidSamplePermille = released.InvalidSamplePermille,
        CalibrationState = released.CalibrationState,
        SuppressedMask = released.SuppressedMask,
        EpsilonMilli = released.EpsilonMilli,
        PrivacyBudgetSpentMilli = released.PrivacyBudgetSpentMilli,
        TrueEntries = truth.Entries,
        TrueExits = truth.Exits,
        TrueOccupancyAtEnd = truth.OccupancyAtEnd,
        TruePeakOccupancy = truth.PeakOccupancy,
    };
}
