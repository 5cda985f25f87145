using EdgeSensor.Simulator.Randomness;

namespace EdgeSensor.Simulator.Population;

/// <summary>
/// Draws bodies from the documented distributions (docs/simulator.md lists the sources): stature and
/// shoulder breadth from adult anthropometric surveys, children from growth charts, wheelchair and
/// stroller sizes from the ISO/ADA envelopes, walking speeds from pedestrian studies. Sizes in mm,
/// speeds in mm/ms (= m/s).
/// </summary>
public static class BodyFactory
{
    // Shoulder (acromion) height as a fraction of stature: about 0.82 (Drillis & Contini segment proportions).
    private const double ShoulderHeightRatio = 0.82;

    // A pushchair's overall length, handle bar to footrest (product data sheets, docs/simulator.md "Pushchair profile").
    private const double StrollerMinLength = 750;

    private const double StrollerMaxLength = 1000;

    public static Body Create(PopulationGroup group, Rng rng) => Create(group, rng, BodyDistribution.Reference);

    /// <summary>A body of the group drawn from <paramref name="d"/>'s parameters. The truncation bounds move with the
    /// means, and the draws come in the same order whatever the parameters, so a seed keeps its crowd's shape.</summary>
    public static Body Create(PopulationGroup group, Rng rng, BodyDistribution d) => group switch
    {
        PopulationGroup.Adult => Adult(rng, d),
        PopulationGroup.Child => Child(rng, d),
        PopulationGroup.Wheelchair => Wheelchair(rng, d),
        PopulationGroup.Stroller => Stroller(rng, d),
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    // A normal truncated at fixed offsets from its mean (the reference bounds, moved with the mean).
    private static double Around(Rng rng, double mean, double sd, double below, double above) =>
        rng.Normal(mean, sd, mean - below, mean + above);

    private static Body Adult(Rng rng, BodyDistribution d)
    {
        bool male = rng.Chance(0.5);
        // CDC NHANES 2015–2018 (NHSR 160): men 1754 mm SD 71, women 1615 mm SD 66.
        double stature = male ? Around(rng, d.MaleStatureMean, d.MaleStatureSd, 254, 296) : Around(rng, d.FemaleStatureMean, d.FemaleStatureSd, 195, 285);
        // ANSUR II bideltoid breadth about 510 mm (men) / 450 mm (women); chest depth about 255 / 240 mm.
        double shoulders = male ? Around(rng, d.MaleShoulderMean, 30, 85, 95) : Around(rng, d.FemaleShoulderMean, 28, 75, 95);
        double depth = male ? Around(rng, d.MaleDepthMean, 20, 55, 75) : Around(rng, d.FemaleDepthMean, 20, 50, 80);
        // Free walking speed 1.34 m/s SD 0.26 (Weidmann 1993).
        double speed = Math.Clamp(rng.Normal(d.AdultSpeedMean, d.AdultSpeedSd), 0.6, 2.2);
        return new Body(PopulationGroup.Adult, stature, speed, StandingParts(stature, shoulders, depth, 0));
    }

    private static Body Child(Rng rng, BodyDistribution d)
    {
        // Ages about 3–12: CDC growth charts put the 50th percentile at about 950 mm (3 y) to 1500 mm (12 y).
        double stature = Math.Clamp(rng.Normal(d.ChildStatureMean, d.ChildStatureSd), 920, 1600);
        double shoulders = stature * Around(rng, d.ChildShoulderRatio, 0.015, 0.04, 0.04);
        double depth = stature * Around(rng, d.ChildDepthRatio, 0.01, 0.03, 0.03);
        double speed = Math.Clamp(rng.Normal(d.ChildSpeedMean, 0.28), 0.6, 2.4);
        return new Body(PopulationGroup.Child, stature, speed, StandingParts(stature, shoulders, depth, 0));
    }

    private static Body Wheelchair(Rng rng, BodyDistribution d)
    {
        // Seated head top about 1300 mm, shoulders about 1000 mm (Steinfeld et al. 2010, wheeled-mobility anthropometry).
        double head = Around(rng, d.SeatedHeadMean, 65, 180, 180);
        double shoulderTop = head - rng.Normal(290, 20, 240, 340);
        double shoulders = rng.Normal(470, 35, 380, 580);
        // Occupied chair: length about 1050 mm, width about 660 mm (ISO 7193 envelope 1200 x 700).
        double width = Around(rng, d.ChairWidthMean, 30, 80, 40);
        double length = Around(rng, d.ChairLengthMean, 60, 150, 150);
        // Self-propelled manual chairs average about 1.0 m/s on level floors (Tolerico et al. 2007).
        double speed = Math.Clamp(rng.Normal(d.ChairSpeedMean, 0.18), 0.5, 1.6);
        double handles = Around(rng, d.ChairHandleHeightMean, 40, 80, 90);
        double seat = d.SeatedHeadAhead;
        var parts = new[]
        {
            new BodyPart(seat, 0, 95, 78, head),
            new BodyPart(seat, 0, 120, shoulders / 2, shoulderTop),
            // Thighs and knees reach forward; the footrest is the front of the chair.
            new BodyPart(seat + 260, 0, 160, 190, rng.Normal(600, 30, 520, 680)),
            new BodyPart(length - 300 - 60, 0, 60, 180, 300),
            // Wheels and armrests either side, push handles behind the backrest.
            new BodyPart(-40, 0, 300, width / 2, rng.Normal(760, 30, 680, 840)),
            new BodyPart(-260, 0, 50, width / 2 - 40, handles),
        };
        return new Body(PopulationGroup.Wheelchair, head, speed, parts);
    }

    private static Body Stroller(Rng rng, BodyDistribution d)
    {
        Body adult = Adult(rng, d);
        // A pushed pushchair: handle bar 950-1130 mm high at its rear end, 0.75-1.0 m long, 500-650 mm wide; the handle
        // is held 250-520 mm in front of the chest. hood is the canopy's top (over the seat back) when it is up.
        double handle = Around(rng, d.StrollerHandleHeightMean, 40, 100, 100);
        double hood = Around(rng, d.StrollerHoodMean, 60, 150, 150);
        double length = Math.Clamp(Around(rng, d.StrollerLengthMean, 50, 100, 100), StrollerMinLength, StrollerMaxLength);
        double width = Around(rng, d.StrollerWidthMean, 25, 60, 60);
        double ahead = d.StrollerHandleAhead;
        // The profile along the pushchair is drawn from a stream of its own, seeded by this pushchair's draws, so the
        // bodies drawn after it (the rest of the crowd) keep the shapes they had before the profile was modelled.
        Rng shape = new(BitConverter.DoubleToUInt64Bits(hood) ^ (BitConverter.DoubleToUInt64Bits(length) * 0x9E3779B97F4A7C15UL));
        StrollerProfile profile = StrollerProfile.Draw(shape, d, hood, length, width);
        var parts = new BodyPart[adult.Parts.Length + 5];
        adult.Parts.CopyTo(parts, 0);
        // Forearms reach from the shoulders to the handle at about handle height.
        parts[^5] = new BodyPart(ahead - 130, 0, Math.Max(60, ahead - 250), width / 2 - 60, handle - 20);
        // The handle bar spans the pushchair's width at its rear end.
        parts[^4] = new BodyPart(ahead, 0, 40, width / 2, handle);
        // The top over the seat back: the canopy (up) or the seat back and the child's head (folded), in the rear half.
        parts[^3] = new BodyPart(ahead + profile.TopAtMillimeters, 0, profile.TopHalfLengthMillimeters, profile.TopHalfWidthMillimeters,
            profile.TopMillimeters);
        // The seat frame and the rear wheels under it, from the handle to the seat, at seat height.
        double seatEnd = profile.TopAtMillimeters + profile.TopHalfLengthMillimeters;
        parts[^2] = new BodyPart(ahead + seatEnd / 2, 0, Math.Max(40, seatEnd / 2), width / 2, profile.SeatMillimeters);
        // The front: the child's legs, the footrest and the front wheels, lower than the top, to the pushchair's nose.
        double frontStart = profile.TopAtMillimeters;
        parts[^1] = new BodyPart(ahead + (frontStart + length) / 2, 0, (length - frontStart) / 2, width / 2 - 40, profile.FrontMillimeters);
        // Pushing a stroller is a little slower than free walking.
        double speed = Math.Clamp(adult.SpeedMillimetersPerMs * d.StrollerSpeedFactor, 0.6, 1.8);
        return new Body(PopulationGroup.Stroller, adult.StatureMillimeters, speed, parts);
    }

    private static BodyPart[] StandingParts(double stature, double shoulders, double depth, double across) =>
    [
        // Head about 0.11 x stature long and 0.09 x stature wide (adult head 195 x 155 mm).
        new BodyPart(0, across, stature * 0.056, stature * 0.045, stature),
        new BodyPart(0, across, depth / 2, shoulders / 2, stature * ShoulderHeightRatio),
    ];
}
