using EdgeSensor.Simulator.Randomness;

namespace EdgeSensor.Simulator.Population;

/// <summary>
/// The parameters (means and spreads) of the distributions bodies and their spacing are drawn from. <see cref="Reference"/>
/// holds the published central values (docs/simulator.md lists the sources); <see cref="Draw"/> picks every parameter
/// uniformly within a plausible range around them, once per seed, so the engine is measured against many populations
/// rather than one it could be tuned to. Sizes in mm, speeds in mm/ms (= m/s).
/// </summary>
public sealed record BodyDistribution
{
    // Adults (CDC NHANES 2015–2018 stature; ANSUR II breadths and depths; Weidmann 1993 walking speed).
    public double MaleStatureMean { get; init; } = 1754;

    public double FemaleStatureMean { get; init; } = 1615;

    public double MaleStatureSd { get; init; } = 71;

    public double FemaleStatureSd { get; init; } = 66;

    public double MaleShoulderMean { get; init; } = 505;

    public double FemaleShoulderMean { get; init; } = 445;

    public double MaleDepthMean { get; init; } = 255;

    public double FemaleDepthMean { get; init; } = 240;

    public double AdultSpeedMean { get; init; } = 1.34;

    public double AdultSpeedSd { get; init; } = 0.26;

    // Children about 3–12 years (CDC growth charts).
    public double ChildStatureMean { get; init; } = 1250;

    public double ChildStatureSd { get; init; } = 150;

    public double ChildShoulderRatio { get; init; } = 0.24;

    public double ChildDepthRatio { get; init; } = 0.13;

    public double ChildSpeedMean { get; init; } = 1.2;

    // Wheelchair users (Steinfeld et al. 2010; ISO 7193 envelope; Tolerico et al. 2007).
    public double SeatedHeadMean { get; init; } = 1300;

    public double ChairWidthMean { get; init; } = 660;

    public double ChairLengthMean { get; init; } = 1050;

    public double ChairSpeedMean { get; init; } = 1.0;

    public double ChairHandleHeightMean { get; init; } = 930;

    /// <summary>Where the occupant's head sits along the chair, relative to the reference point (+ = towards the footrest).</summary>
    public double SeatedHeadAhead { get; init; }

    // Pushchairs (product data sheets, docs/simulator.md "Pushchair profile"; handle held ahead of the chest).
    public double StrollerHandleHeightMean { get; init; } = 1050;

    /// <summary>The canopy's top when it is up (over the seat back, in the rear half).</summary>
    public double StrollerHoodMean { get; init; } = 1000;

    public double StrollerLengthMean { get; init; } = 880;

    public double StrollerWidthMean { get; init; } = 580;

    /// <summary>How far ahead of the pusher's chest the handle bar is held: where the pushed object sits.</summary>
    public double StrollerHandleAhead { get; init; } = 360;

    public double StrollerSpeedFactor { get; init; } = 0.88;

    /// <summary>Share of pushchairs whose canopy is up (the rest have it folded: the seat back and the child's head are the top).</summary>
    public double StrollerCanopyUpShare { get; init; } = 0.7;

    /// <summary>The top with the canopy folded: the seat back and the seated child's head.</summary>
    public double StrollerFoldedTopMean { get; init; } = 900;

    /// <summary>Length along the path of the canopy's top.</summary>
    public double StrollerCanopyLengthMean { get; init; } = 400;

    /// <summary>Where the top's centre sits, as a share of the pushchair's length from the handle bar (the rear half).</summary>
    public double StrollerTopAtMean { get; init; } = 0.3;

    /// <summary>Seat height above the floor (the seat frame between the handle and the seat back).</summary>
    public double StrollerSeatMean { get; init; } = 520;

    /// <summary>The front's top: the child's legs, the footrest, the front wheels.</summary>
    public double StrollerFrontTopMean { get; init; } = 560;

    // Spacing between parties (Fruin's body buffer) and within them.
    public double StrangerGap { get; init; } = 500;

    public double GroupGap { get; init; } = 250;

    public double TailgateGap { get; init; } = 60;

    /// <summary>Mean headway (s) between members of a group walking in file.</summary>
    public double GroupHeadwayMean { get; init; } = 0.9;

    /// <summary>Scale on the scenario's lateral spread around the doorway's centre line.</summary>
    public double LateralSpreadScale { get; init; } = 1;

    /// <summary>The published central values: the distributions the simulator used before parameters were randomised.</summary>
    public static BodyDistribution Reference { get; } = new();

    /// <summary>
    /// Draws every parameter uniformly within its plausible range (docs/simulator.md, "Randomised body parameters").
    /// The ranges are wide on purpose: populations differ by country, age mix, season (coats), chair and stroller models.
    /// </summary>
    public static BodyDistribution Draw(Rng rng) => new()
    {
        MaleStatureMean = rng.Uniform(1690, 1820),
        FemaleStatureMean = rng.Uniform(1560, 1680),
        MaleStatureSd = rng.Uniform(55, 90),
        FemaleStatureSd = rng.Uniform(50, 85),
        MaleShoulderMean = rng.Uniform(465, 560),
        FemaleShoulderMean = rng.Uniform(410, 500),
        MaleDepthMean = rng.Uniform(225, 310),
        FemaleDepthMean = rng.Uniform(210, 295),
        AdultSpeedMean = rng.Uniform(1.05, 1.5),
        AdultSpeedSd = rng.Uniform(0.15, 0.35),
        ChildStatureMean = rng.Uniform(1050, 1420),
        ChildStatureSd = rng.Uniform(100, 200),
        ChildShoulderRatio = rng.Uniform(0.22, 0.27),
        ChildDepthRatio = rng.Uniform(0.11, 0.16),
        ChildSpeedMean = rng.Uniform(0.9, 1.4),
        SeatedHeadMean = rng.Uniform(1180, 1420),
        ChairWidthMean = rng.Uniform(580, 700),
        ChairLengthMean = rng.Uniform(920, 1200),
        ChairSpeedMean = rng.Uniform(0.65, 1.25),
        ChairHandleHeightMean = rng.Uniform(850, 1000),
        SeatedHeadAhead = rng.Uniform(-100, 120),
        StrollerHandleHeightMean = rng.Uniform(950, 1130),
        StrollerHoodMean = rng.Uniform(800, 1120),
        StrollerLengthMean = rng.Uniform(780, 970),
        StrollerWidthMean = rng.Uniform(500, 650),
        StrollerHandleAhead = rng.Uniform(250, 520),
        StrollerSpeedFactor = rng.Uniform(0.78, 0.98),
        StrangerGap = rng.Uniform(300, 750),
        GroupGap = rng.Uniform(120, 400),
        TailgateGap = rng.Uniform(30, 160),
        GroupHeadwayMean = rng.Uniform(0.7, 1.2),
        LateralSpreadScale = rng.Uniform(0.6, 1.6),
        // Drawn last, so the parameters above keep the values they had before the pushchair profile was modelled.
        StrollerCanopyUpShare = rng.Uniform(0.4, 0.95),
        StrollerFoldedTopMean = rng.Uniform(800, 1000),
        StrollerCanopyLengthMean = rng.Uniform(300, 450),
        StrollerTopAtMean = rng.Uniform(0.2, 0.4),
        StrollerSeatMean = rng.Uniform(460, 600),
        StrollerFrontTopMean = rng.Uniform(450, 660),
    };
}
