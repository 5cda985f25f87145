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

    public static Body Create(PopulationGroup group, Rng rng) => group switch
    {
        PopulationGroup.Adult => Adult(rng),
        PopulationGroup.Child => Child(rng),
        PopulationGroup.Wheelchair => Wheelchair(rng),
        PopulationGroup.Stroller => Stroller(rng),
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    private static Body Adult(Rng rng)
    {
        bool male = rng.Chance(0.5);
        // CDC NHANES 2015–2018 (NHSR 160): men 1754 mm SD 71, women 1615 mm SD 66.
        double stature = male ? rng.Normal(1754, 71, 1500, 2050) : rng.Normal(1615, 66, 1420, 1900);
        // ANSUR II bideltoid breadth about 510 mm (men) / 450 mm (women); chest depth about 255 / 240 mm.
        double shoulders = male ? rng.Normal(505, 30, 420, 600) : rng.Normal(445, 28, 370, 540);
        double depth = male ? rng.Normal(255, 20, 200, 330) : rng.Normal(240, 20, 190, 320);
        // Free walking speed 1.34 m/s SD 0.26 (Weidmann 1993).
        double speed = rng.Normal(1.34, 0.26, 0.6, 2.2);
        return new Body(PopulationGroup.Adult, stature, speed, StandingParts(stature, shoulders, depth, 0));
    }

    private static Body Child(Rng rng)
    {
        // Ages about 3–12: CDC growth charts put the 50th percentile at about 950 mm (3 y) to 1500 mm (12 y).
        double stature = rng.Normal(1250, 150, 920, 1600);
        double shoulders = stature * rng.Normal(0.24, 0.015, 0.2, 0.28);
        double depth = stature * rng.Normal(0.13, 0.01, 0.1, 0.16);
        double speed = rng.Normal(1.2, 0.28, 0.6, 2.4);
        return new Body(PopulationGroup.Child, stature, speed, StandingParts(stature, shoulders, depth, 0));
    }

    private static Body Wheelchair(Rng rng)
    {
        // Seated head top about 1300 mm, shoulders about 1000 mm (Steinfeld et al. 2010, wheeled-mobility anthropometry).
        double head = rng.Normal(1300, 65, 1120, 1480);
        double shoulderTop = head - rng.Normal(290, 20, 240, 340);
        double shoulders = rng.Normal(470, 35, 380, 580);
        // Occupied chair: length about 1050 mm, width about 660 mm (ISO 7193 envelope 1200 x 700).
        double width = rng.Normal(660, 30, 580, 700);
        double length = rng.Normal(1050, 60, 900, 1200);
        // Self-propelled manual chairs average about 1.0 m/s on level floors (Tolerico et al. 2007).
        double speed = rng.Normal(1.0, 0.18, 0.5, 1.6);
        double handles = rng.Normal(930, 40, 850, 1020);
        var parts = new[]
        {
            new BodyPart(0, 0, 95, 78, head),
            new BodyPart(0, 0, 120, shoulders / 2, shoulderTop),
            // Thighs and knees reach forward; the footrest is the front of the chair.
            new BodyPart(260, 0, 160, 190, rng.Normal(600, 30, 520, 680)),
            new BodyPart(length - 300 - 60, 0, 60, 180, 300),
            // Wheels and armrests either side, push handles behind the backrest.
            new BodyPart(-40, 0, 300, width / 2, rng.Normal(760, 30, 680, 840)),
            new BodyPart(-260, 0, 50, width / 2 - 40, handles),
        };
        return new Body(PopulationGroup.Wheelchair, head, speed, parts);
    }

    private static Body Stroller(Rng rng)
    {
        Body adult = Adult(rng);
        // A pushed stroller: handle bar about 1000–1100 mm high, 800–950 mm long, 550–600 mm wide, its
        // hood about 1000 mm high; the handle is held about 350 mm in front of the chest.
        double handle = rng.Normal(1050, 40, 950, 1150);
        double hood = rng.Normal(1000, 60, 850, 1150);
        double length = rng.Normal(880, 50, 780, 980);
        double width = rng.Normal(580, 25, 520, 640);
        var parts = new BodyPart[adult.Parts.Length + 3];
        adult.Parts.CopyTo(parts, 0);
        // Forearms reach from the shoulders to the handle at about handle height.
        parts[^3] = new BodyPart(230, 0, 110, width / 2 - 60, handle - 20);
        parts[^2] = new BodyPart(360, 0, 40, width / 2, handle);
        double bodyCentre = 360 + length / 2;
        parts[^1] = new BodyPart(bodyCentre, 0, length / 2 - 40, width / 2, hood);
        // Pushing a stroller is a little slower than free walking.
        double speed = Math.Clamp(adult.SpeedMillimetersPerMs * 0.88, 0.6, 1.8);
        return new Body(PopulationGroup.Stroller, adult.StatureMillimeters, speed, parts);
    }

    private static BodyPart[] StandingParts(double stature, double shoulders, double depth, double across) =>
    [
        // Head about 0.11 x stature long and 0.09 x stature wide (adult head 195 x 155 mm).
        new BodyPart(0, across, stature * 0.056, stature * 0.045, stature),
        new BodyPart(0, across, depth / 2, shoulders / 2, stature * ShoulderHeightRatio),
    ];
}
