using EdgeSensor.Simulator.Randomness;

namespace EdgeSensor.Simulator.Population;

/// <summary>
/// The height profile of a pushchair along its length, as a ToF sensor above it sees it: highest over the seat back in
/// the rear half (the canopy when it is up; the seat back and the child's head when it is folded), lower at the front
/// (the child's legs, the footrest, the front wheels), the seat frame between the handle and the seat at seat height.
/// Positions are from the handle bar (the pushchair's rear end) forward. Product data sheets give the heights
/// (docs/simulator.md, "Pushchair profile"): handle bars 84-112 cm, seats about 50-55 cm above the ground, seat backs
/// about 47 cm above the seat and a canopy about 53 cm above the seat (so its top about 1.0-1.1 m), a seated child's
/// head 58-64 cm above the seat pad at most.
/// </summary>
public readonly record struct StrollerProfile(
    bool CanopyUp,
    double TopMillimeters,
    double TopAtMillimeters,
    double TopHalfLengthMillimeters,
    double TopHalfWidthMillimeters,
    double SeatMillimeters,
    double FrontMillimeters)
{
    // A folded canopy leaves the seat back and the child's head as the top: a backrest with a head in front of it, about
    // 260 mm deep along the path and as wide as the seat (about 340 mm).
    private const double FoldedHalfLength = 130;

    private const double FoldedHalfWidth = 170;

    // The canopy's rear edge stays this far ahead of the handle bar (the bar's own depth and the fold joint behind the
    // seat back), and the top's centre within the rear half of the pushchair.
    private const double TopRearClearance = 60;

    // The canopy covers the seat back and arches forward over the child's head, but leaves the legs and footrest open: it
    // is at most CanopyMaxShare of the pushchair's length and ends by FrontOpenShare of it from the handle.
    private const double CanopyMaxShare = 0.6;

    private const double FrontOpenShare = 0.7;

    // The front (legs, footrest) and the seat stand at least this far below the top: the seat back rises 0.4-0.5 m above
    // the seat, and the child's legs hang from the seat's front edge.
    private const double BelowTop = 100;

    /// <summary>Draws a profile for a pushchair of this canopy height (<paramref name="hood"/>), length and width from
    /// <paramref name="d"/>'s per-seed parameters.</summary>
    public static StrollerProfile Draw(Rng rng, BodyDistribution d, double hood, double length, double width)
    {
        bool canopyUp = rng.Chance(d.StrollerCanopyUpShare);
        double folded = rng.Normal(d.StrollerFoldedTopMean, 50, d.StrollerFoldedTopMean - 120, d.StrollerFoldedTopMean + 120);
        double canopyLength = rng.Normal(d.StrollerCanopyLengthMean, 40, d.StrollerCanopyLengthMean - 100, d.StrollerCanopyLengthMean + 100);
        double at = length * rng.Normal(d.StrollerTopAtMean, 0.04, d.StrollerTopAtMean - 0.1, d.StrollerTopAtMean + 0.1);
        double seat = rng.Normal(d.StrollerSeatMean, 30, d.StrollerSeatMean - 80, d.StrollerSeatMean + 80);
        double front = rng.Normal(d.StrollerFrontTopMean, 50, d.StrollerFrontTopMean - 120, d.StrollerFrontTopMean + 120);

        double top = canopyUp ? hood : folded;
        double halfLength = canopyUp ? Math.Min(canopyLength, CanopyMaxShare * length) / 2 : FoldedHalfLength;
        double halfWidth = canopyUp ? width / 2 - 40 : FoldedHalfWidth;
        double rearmost = halfLength + TopRearClearance;
        at = Math.Clamp(at, rearmost, Math.Max(rearmost, Math.Min(length / 2, FrontOpenShare * length - halfLength)));
        front = Math.Clamp(front, 400, Math.Min(700, top - BelowTop));
        seat = Math.Min(seat, top - BelowTop);
        return new StrollerProfile(canopyUp, top, at, halfLength, halfWidth, seat, front);
    }
}
