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
        // A pushed stroller: handle bar about 1000–1100 mm high, 800–950 mm long, 550–600 mm wide, its
        // hood about 1000 mm high; the handle is held about 350 mm in front of the chest.
        double handle = Around(rng, d.StrollerHandleHeightMean, 40, 100, 100);
        double hood = Around(rng, d.StrollerHoodMean, 60, 150, 150);
        double length = Around(rng, d.StrollerLengthMean, 50, 100, 100);
        double width = Around(rng, d.StrollerWidthMean, 25, 60, 60);
        double ahead = d.StrollerHandleAhead;
        var parts = new BodyPart[adult.Parts.Length + 3];
        adult.Parts.CopyTo(parts, 0);
        // Forearms reach from the shoulders to the handle at about handle height.
        parts[^3] = new BodyPart(ahead - 130, 0, Math.Max(60, ahead - 250), width / 2 - 60, handle - 20);
        parts[^2] = new BodyPart(ahead, 0, 40, width / 2, handle);
        double bodyCentre = ahead + length / 2;
        parts[^1] = new BodyPart(bodyCentre, 0, length / 2 - 40, width / 2, hood);
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
