using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Tests.Privacy;

[TestClass]
public sealed class SmallCountSuppressorTests
{
    private const byte CounterBits = SuppressedFields.AllCounters;

    private static WindowReport Window(int entries, int exits, int occupancy, int peak, int pir = 0, int invalid = 0) => new()
    {
        WindowStartUnixSeconds = 1_728_000_000,
        WindowLengthSeconds = 60,
        Entries = (ushort)entries,
        Exits = (ushort)exits,
        OccupancyAtEnd = (ushort)occupancy,
        PeakOccupancy = (ushort)peak,
        PirActivityPermille = (ushort)pir,
        InvalidSamplePermille = (ushort)invalid,
        CalibrationState = CalibrationState.Calibrated,
        DisclosureMode = DisclosureMode.SmallCountSuppression,
    };

    /// <summary>A suppressor whose previous window released occupancy <paramref name="occupancy"/> (≥ k).</summary>
    private static SmallCountSuppressor AfterReleasedOccupancy(ushort k, int occupancy)
    {
        var suppressor = new SmallCountSuppressor(k);
        var previous = Window(occupancy + 20, 20, occupancy, occupancy + 20);
        suppressor.Apply(previous);
        Assert.AreEqual(0, previous.SuppressedMask & SuppressedFields.OccupancyAtEnd, "priming window released its occupancy");
        Assert.AreEqual((ushort)occupancy, previous.OccupancyAtEnd);
        return suppressor;
    }

    private static void AssertSameRelease(WindowReport expected, WindowReport actual)
    {
        Assert.AreEqual(expected.SuppressedMask, actual.SuppressedMask, "mask");
        Assert.AreEqual(expected.Entries, actual.Entries, "entries");
        Assert.AreEqual(expected.Exits, actual.Exits, "exits");
        Assert.AreEqual(expected.OccupancyAtEnd, actual.OccupancyAtEnd, "occupancy");
        Assert.AreEqual(expected.PeakOccupancy, actual.PeakOccupancy, "peak");
        Assert.AreEqual(expected.PirActivityPermille, actual.PirActivityPermille, "PIR");
        Assert.AreEqual(expected.InvalidSamplePermille, actual.InvalidSamplePermille, "invalid samples");
        Assert.AreEqual(expected.CalibrationState, actual.CalibrationState, "calibration");
    }

    // Issue 14 reproduction 1: zero was released while 1..k-1 was masked, so a set bit meant "someone is there".
    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void Zero_IsWithheldExactlyLikeOneToKMinusOne(int field)
    {
        var withZero = Window(30, 30, 30, 30);
        var withOne = Window(30, 30, 30, 30);
        SetField(withZero, field, 0);
        SetField(withOne, field, 1);
        if (field == 2)
        {
            withZero.PeakOccupancy = 30;
            withOne.PeakOccupancy = 30;
        }

        AfterReleasedOccupancy(5, 30).Apply(withZero);
        AfterReleasedOccupancy(5, 30).Apply(withOne);

        Assert.AreNotEqual(0, withZero.SuppressedMask & (1 << field), "a zero is withheld");
        AssertSameRelease(withOne, withZero);
    }

    private static void SetField(WindowReport report, int field, int value)
    {
        switch (field)
        {
            case 0: report.Entries = (ushort)value; break;
            case 1: report.Exits = (ushort)value; break;
            case 2: report.OccupancyAtEnd = (ushort)value; break;
            default: report.PeakOccupancy = (ushort)value; break;
        }
    }

    // Issue 14 reproduction 2: a lone night worker (counters 0, mask 0x0c, PIR 230 permille) was told apart
    // from an empty room (mask 0, PIR 0) by the mask and by the never-suppressed PIR activity.
    [TestMethod]
    public void LoneNightWorker_LooksExactlyLikeAnEmptyRoom()
    {
        var worker = Window(0, 0, 1, 1, pir: 230, invalid: 40);
        var empty = Window(0, 0, 0, 0, pir: 0, invalid: 0);
        var workerSuppressor = new SmallCountSuppressor(5);
        var emptySuppressor = new SmallCountSuppressor(5);

        workerSuppressor.Apply(worker);
        emptySuppressor.Apply(empty);

        AssertSameRelease(empty, worker);
        Assert.AreEqual(SmallCountSuppressor.AllMask, worker.SuppressedMask);
        Assert.AreEqual((ushort)0, worker.PirActivityPermille);
        Assert.AreEqual((ushort)0, worker.InvalidSamplePermille);
        Assert.AreEqual(CalibrationState.NotCalibrated, worker.CalibrationState, "calibration state is sent as 0");
    }

    // Issue 14 reproduction 3: previous occupancy 7, entries 0, exits suppressed, occupancy 5 gave exits = 7 + 0 - 5 = 2.
    [TestMethod]
    public void Differencing_PreviousOccupancyEntriesAndOccupancy_DoesNotRecoverExits()
    {
        var suppressor = AfterReleasedOccupancy(5, 7);
        var window = Window(0, 2, 5, 7);
        suppressor.Apply(window);

        Assert.AreEqual((ushort)5, window.OccupancyAtEnd, "occupancy 5 is released");
        Assert.AreNotEqual(0, window.SuppressedMask & SuppressedFields.Exits);
        Assert.AreNotEqual(0, window.SuppressedMask & SuppressedFields.Entries, "entries are withheld with the exits");
        Assert.AreNotEqual(0, window.SuppressedMask & SuppressedFields.PeakOccupancy, "peak <= 7 + entries would bound the entries");
        Assert.AreEqual((ushort)0, window.Entries);
        Assert.AreEqual((ushort)0, window.Exits);

        // exits - entries = 2 has several solutions with entries or exits below 5: (0, 2), (1, 3), (2, 4).
        int solutions = 0;
        for (int entries = 0; entries < 20; entries++)
        {
            int exits = entries + 2;
            if (entries < 5 || exits < 5)
            {
                solutions++;
            }
        }

        Assert.IsTrue(solutions >= 2);
    }

    [TestMethod]
    public void AnyWithheldCounter_WithholdsPirAndHealth()
    {
        var window = Window(3, 40, 40, 45, pir: 600, invalid: 25);
        AfterReleasedOccupancy(5, 40).Apply(window);
        Assert.AreEqual(SmallCountSuppressor.FlowMask, window.SuppressedMask);
        Assert.AreEqual((ushort)0, window.PirActivityPermille);
        Assert.AreEqual((ushort)0, window.InvalidSamplePermille);
        Assert.AreEqual(CalibrationState.NotCalibrated, window.CalibrationState);
        Assert.AreEqual((ushort)40, window.OccupancyAtEnd, "a large occupancy is still released");
    }

    [TestMethod]
    public void BusyWindowAfterReleasedOccupancy_IsReleasedUnchanged()
    {
        var window = Window(12, 9, 43, 47, pir: 600, invalid: 25);
        AfterReleasedOccupancy(5, 40).Apply(window);
        Assert.AreEqual((byte)0, window.SuppressedMask);
        Assert.AreEqual((ushort)12, window.Entries);
        Assert.AreEqual((ushort)9, window.Exits);
        Assert.AreEqual((ushort)43, window.OccupancyAtEnd);
        Assert.AreEqual((ushort)47, window.PeakOccupancy);
        Assert.AreEqual((ushort)600, window.PirActivityPermille);
        Assert.AreEqual((ushort)25, window.InvalidSamplePermille);
        Assert.AreEqual(CalibrationState.Calibrated, window.CalibrationState);
    }

    [TestMethod]
    public void WindowAfterWithheldOccupancy_WithholdsItsEntriesAndExits()
    {
        var suppressor = AfterReleasedOccupancy(5, 40);
        var quiet = Window(0, 37, 3, 40);
        suppressor.Apply(quiet);
        Assert.AreEqual(SmallCountSuppressor.AllMask, quiet.SuppressedMask);

        // Released entries 20, exits 6 and occupancy 17 would give the withheld occupancy 17 - 20 + 6 = 3.
        var busy = Window(20, 6, 17, 20);
        suppressor.Apply(busy);
        Assert.AreEqual(SmallCountSuppressor.FlowMask, busy.SuppressedMask);
        Assert.AreEqual((ushort)17, busy.OccupancyAtEnd);

        var next = Window(10, 10, 17, 20);
        suppressor.Apply(next);
        Assert.AreEqual((byte)0, next.SuppressedMask, "the chain ends once an occupancy is released");
    }

    [TestMethod]
    public void Reset_TreatsThePreviousOccupancyAsUnknown()
    {
        var suppressor = AfterReleasedOccupancy(5, 40);
        suppressor.Reset();
        var window = Window(20, 6, 54, 60);
        suppressor.Apply(window);
        Assert.AreEqual(SmallCountSuppressor.FlowMask, window.SuppressedMask);
        Assert.AreEqual((ushort)54, window.OccupancyAtEnd);
    }

    [TestMethod]
    public void NewSuppressor_StartsAsAfterReset()
    {
        var window = Window(20, 6, 54, 60);
        new SmallCountSuppressor(5).Apply(window);
        Assert.AreEqual(SmallCountSuppressor.FlowMask, window.SuppressedMask);
    }

    [TestMethod]
    public void Threshold_OutsideTwoToHundred_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SmallCountSuppressor(0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SmallCountSuppressor(1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SmallCountSuppressor(101));
        Assert.AreEqual((ushort)2, new SmallCountSuppressor(2).Threshold);
        Assert.AreEqual((ushort)100, new SmallCountSuppressor(100).Threshold);
    }

    [TestMethod]
    public void NullReport_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new SmallCountSuppressor(5).Apply(null!));
    }

    [TestMethod]
    public void Mask_DependsOnlyOnWhichCountersAreSmallAndThePreviousMask()
    {
        const ushort k = 5;
        var oracle = new MaskOracle(k);
        var random = new Random(1405);
        for (int i = 0; i < 20_000; i++)
        {
            bool previousHidden = random.Next(2) == 0;
            int e = random.Next(0, 30), x = random.Next(0, 30), o = random.Next(0, 30), p = o + random.Next(0, 10);
            var suppressor = new SmallCountSuppressor(k);
            if (!previousHidden)
            {
                suppressor = AfterReleasedOccupancy(k, 40);
            }

            var window = Window(e, x, o, p, pir: 500);
            suppressor.Apply(window);
            Assert.AreEqual(oracle.Mask(previousHidden, e < k, x < k, o < k, p < k), window.SuppressedMask, $"e {e} x {x} o {o} p {p} prev hidden {previousHidden}");
            byte mask = window.SuppressedMask;
            Assert.IsTrue(mask == 0 || mask == SmallCountSuppressor.FlowMask || mask == SmallCountSuppressor.AllMask, $"mask 0x{mask:x2}");
        }
    }

    /// <summary>
    /// The attacker of issue 14: knows the released values and masks, where the resets were, the
    /// suppressor's rules (through <see cref="MaskOracle"/>), and the relations occ(t) = occ(t-1) + e(t) - x(t),
    /// max(occ(t-1), occ(t)) ≤ peak(t) ≤ occ(t-1) + e(t). Every assignment of the withheld cells of a
    /// whole sequence consistent with all that is enumerated (forward/backward over the occupancy chain),
    /// and every withheld cell must keep at least two possible values. The weaker attacker (last row) does
    /// not use the rules, only the released values and the relations.
    /// </summary>
    [TestMethod]
    [DataRow((ushort)2, 1, true)]
    [DataRow((ushort)3, 2, true)]
    [DataRow((ushort)5, 3, true)]
    [DataRow((ushort)5, 4, false)]
    public void NoWithheldCell_CanBeRecomputedFromReleasedValuesAndRelations(ushort k, int seed, bool attackerKnowsRules)
    {
        const int sequences = 300;
        var random = new Random(seed);
        var oracle = new MaskOracle(k);
        int withheldChecked = 0;
        for (int s = 0; s < sequences; s++)
        {
            var truth = TrueSequence.Draw(random, k, random.Next(3, 9));
            var released = truth.Release(k);
            withheldChecked += new Attack(truth, released, attackerKnowsRules ? oracle : null, k).AssertEveryWithheldCellAmbiguous($"k {k} sequence {s}: {truth}");
        }

        Assert.IsTrue(withheldChecked > sequences, $"only {withheldChecked} withheld cells were exercised");
    }

    /// <summary>The suppressor's mask for each (previous occupancy hidden, which counters are below k), taken from the class itself.</summary>
    private sealed class MaskOracle
    {
        private readonly byte[] _masks = new byte[32];

        public MaskOracle(ushort k)
        {
            for (int i = 0; i < 32; i++)
            {
                bool previousHidden = (i & 16) != 0;
                var suppressor = previousHidden ? new SmallCountSuppressor(k) : AfterReleasedOccupancy(k, 40);
                if (previousHidden)
                {
                    suppressor.Reset();
                }

                var window = Window(Pick(i, 1, k), Pick(i, 2, k), Pick(i, 4, k), Pick(i, 8, k));
                suppressor.Apply(window);
                _masks[i] = window.SuppressedMask;
            }
        }

        private static int Pick(int index, int bit, ushort k) => (index & bit) != 0 ? k - 1 : k;

        public byte Mask(bool previousHidden, bool entriesSmall, bool exitsSmall, bool occupancySmall, bool peakSmall)
        {
            int i = (previousHidden ? 16 : 0) | (entriesSmall ? 1 : 0) | (exitsSmall ? 2 : 0) | (occupancySmall ? 4 : 0) | (peakSmall ? 8 : 0);
            return _masks[i];
        }
    }

    private sealed record TrueWindow(bool ResetBefore, int Entries, int Exits, int Occupancy, int Peak);

    private sealed class TrueSequence
    {
        public TrueSequence(TrueWindow[] windows, int maxCount)
        {
            Windows = windows;
            MaxCount = maxCount;
        }

        public TrueWindow[] Windows { get; }

        public int MaxCount { get; }

        /// <summary>A random sequence mixing small and large counts; occupancies and flows stay within 0..2k+2.</summary>
        public static TrueSequence Draw(Random random, ushort k, int length)
        {
            int max = 2 * k + 2;
            var windows = new TrueWindow[length];
            int occupancy = random.Next(0, max + 1);
            for (int t = 0; t < length; t++)
            {
                bool reset = t > 0 && random.Next(8) == 0;
                if (reset)
                {
                    occupancy = random.Next(0, max + 1); // crossings during the gap are unknown
                }

                int entries = Count(random, k, max);
                int exits = Math.Min(Count(random, k, max), occupancy + entries);
                int end = occupancy + entries - exits;
                if (end > max)
                {
                    entries -= end - max;
                    end = max;
                }

                int peak = random.Next(Math.Max(occupancy, end), occupancy + entries + 1);
                windows[t] = new TrueWindow(reset, entries, exits, end, peak);
                occupancy = end;
            }

            return new TrueSequence(windows, max);
        }

        private static int Count(Random random, ushort k, int max) => random.Next(2) == 0 ? random.Next(0, k + 2) : random.Next(0, max + 1);

        public WindowReport[] Release(ushort k)
        {
            var suppressor = new SmallCountSuppressor(k);
            var released = new WindowReport[Windows.Length];
            for (int t = 0; t < Windows.Length; t++)
            {
                TrueWindow w = Windows[t];
                if (w.ResetBefore)
                {
                    suppressor.Reset();
                }

                released[t] = Window(w.Entries, w.Exits, w.Occupancy, w.Peak, pir: 300);
                suppressor.Apply(released[t]);
            }

            return released;
        }

        public override string ToString() => string.Join(" ", Windows.Select(w => $"{(w.ResetBefore ? "| " : "")}({w.Entries},{w.Exits},{w.Occupancy},{w.Peak})"));
    }

    private sealed class Attack
    {
        private readonly TrueSequence _truth;
        private readonly WindowReport[] _released;
        private readonly MaskOracle? _oracle;
        private readonly ushort _k;
        private readonly int _occupancyCap;
        private readonly int _flowCap;

        public Attack(TrueSequence truth, WindowReport[] released, MaskOracle? oracle, ushort k)
        {
            _truth = truth;
            _released = released;
            _oracle = oracle;
            _k = k;

            // Wider than any true value, so the cap never pins a cell on its own.
            _occupancyCap = truth.MaxCount + k + 2;
            _flowCap = truth.MaxCount + k + 2;
        }

        private int Length => _released.Length;

        private bool Linked(int t) => t > 0 && !_truth.Windows[t].ResetBefore;

        private bool PreviousHidden(int t) => !Linked(t) || (_released[t - 1].SuppressedMask & SuppressedFields.OccupancyAtEnd) != 0;

        private bool Withheld(int t, byte bit) => (_released[t].SuppressedMask & bit) != 0;

        private delegate void Visit(int previous, int entries, int exits, int occupancy, int peakLow, int peakHigh);

        /// <summary>Every assignment of window t consistent with its release, the mask rules and the relations.</summary>
        private void ForEachCandidate(int t, bool[]? previousAllowed, Visit visit)
        {
            WindowReport r = _released[t];
            byte mask = r.SuppressedMask;
            int previousFrom = 0, previousTo = _occupancyCap;
            for (int previous = previousFrom; previous <= previousTo; previous++)
            {
                if (previousAllowed != null && !previousAllowed[previous])
                {
                    continue;
                }

                int eFrom = Withheld(t, SuppressedFields.Entries) ? 0 : r.Entries, eTo = Withheld(t, SuppressedFields.Entries) ? _flowCap : r.Entries;
                int xFrom = Withheld(t, SuppressedFields.Exits) ? 0 : r.Exits, xTo = Withheld(t, SuppressedFields.Exits) ? _flowCap : r.Exits;
                for (int e = eFrom; e <= eTo; e++)
                {
                    for (int x = xFrom; x <= xTo; x++)
                    {
                        int o = previous + e - x;
                        if (o < 0 || o > _occupancyCap || (!Withheld(t, SuppressedFields.OccupancyAtEnd) && o != r.OccupancyAtEnd))
                        {
                            continue;
                        }

                        int low = Math.Max(previous, o), high = previous + e;
                        if (!Withheld(t, SuppressedFields.PeakOccupancy))
                        {
                            if (r.PeakOccupancy >= low && r.PeakOccupancy <= high && MaskMatches(t, e, x, o, r.PeakOccupancy < _k, mask))
                            {
                                visit(previous, e, x, o, r.PeakOccupancy, r.PeakOccupancy);
                            }

                            continue;
                        }

                        // The peak's value reaches the mask only through "below k": split its range there.
                        if (low <= Math.Min(high, _k - 1) && MaskMatches(t, e, x, o, true, mask))
                        {
                            visit(previous, e, x, o, low, Math.Min(high, _k - 1));
                        }

                        if (Math.Max(low, (int)_k) <= high && MaskMatches(t, e, x, o, false, mask))
                        {
                            visit(previous, e, x, o, Math.Max(low, (int)_k), high);
                        }
                    }
                }
            }
        }

        private bool MaskMatches(int t, int e, int x, int o, bool peakSmall, byte mask) =>
            _oracle == null || _oracle.Mask(PreviousHidden(t), e < _k, x < _k, o < _k, peakSmall) == mask;

        public int AssertEveryWithheldCellAmbiguous(string context)
        {
            int n = Length;
            var forward = new bool[n][];
            var backward = new bool[n][];
            for (int t = 0; t < n; t++)
            {
                var reached = new bool[_occupancyCap + 1];
                ForEachCandidate(t, Linked(t) ? forward[t - 1] : null, (_, _, _, o, _, _) => reached[o] = true);
                forward[t] = reached;
            }

            for (int t = n - 1; t >= 0; t--)
            {
                var completes = new bool[_occupancyCap + 1];
                if (t == n - 1 || !Linked(t + 1))
                {
                    Array.Fill(completes, true);
                }
                else
                {
                    bool[] next = backward[t + 1];
                    ForEachCandidate(t + 1, forward[t], (previous, _, _, o, _, _) =>
                    {
                        if (next[o])
                        {
                            completes[previous] = true;
                        }
                    });
                }

                backward[t] = completes;
            }

            int checkedCells = 0;
            for (int t = 0; t < n; t++)
            {
                var entries = new HashSet<int>();
                var exits = new HashSet<int>();
                var occupancies = new HashSet<int>();
                int peakMin = int.MaxValue, peakMax = int.MinValue;
                bool[] after = backward[t];
                bool truePeakPossible = false;
                TrueWindow truth = _truth.Windows[t];
                ForEachCandidate(t, Linked(t) ? forward[t - 1] : null, (previous, e, x, o, peakLow, peakHigh) =>
                {
                    if (!after[o])
                    {
                        return;
                    }

                    entries.Add(e);
                    exits.Add(x);
                    occupancies.Add(o);
                    peakMin = Math.Min(peakMin, peakLow);
                    peakMax = Math.Max(peakMax, peakHigh);
                    if (e == truth.Entries && x == truth.Exits && o == truth.Occupancy && truth.Peak >= peakLow && truth.Peak <= peakHigh)
                    {
                        truePeakPossible = true;
                    }
                });

                Assert.IsTrue(truePeakPossible, $"{context}: the true window {t} must be among the consistent ones (attack model is wrong otherwise)");
                checkedCells += CheckCell(t, SuppressedFields.Entries, entries.Count, "entries", context);
                checkedCells += CheckCell(t, SuppressedFields.Exits, exits.Count, "exits", context);
                checkedCells += CheckCell(t, SuppressedFields.OccupancyAtEnd, occupancies.Count, "occupancy", context);
                checkedCells += CheckCell(t, SuppressedFields.PeakOccupancy, peakMax > peakMin ? 2 : 1, "peak", context);
            }

            return checkedCells;
        }

        private int CheckCell(int t, byte bit, int possibleValues, string name, string context)
        {
            if (!Withheld(t, bit))
            {
                return 0;
            }

            Assert.IsTrue(possibleValues >= 2, $"{context}: withheld {name} of window {t} can be recomputed (masks {string.Join(",", _released.Select(r => r.SuppressedMask.ToString("x2")))})");
            return 1;
        }
    }
}
