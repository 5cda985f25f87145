namespace EdgeSensor.Simulator.Population;

/// <summary>A person (with any wheelchair, stroller or helper) as the ToF sensor sees it: a few flat-topped
/// ellipses. <see cref="StatureMillimeters"/> is the person's own height (seated head height for wheelchair users).</summary>
public sealed class Body
{
    public Body(PopulationGroup group, double statureMillimeters, double speedMillimetersPerMs, BodyPart[] parts)
    {
        Group = group;
        StatureMillimeters = statureMillimeters;
        SpeedMillimetersPerMs = speedMillimetersPerMs;
        Parts = parts;
        double front = 0, back = 0, width = 0;
        foreach (BodyPart p in parts)
        {
            front = Math.Max(front, p.AheadMillimeters + p.HalfLengthMillimeters);
            back = Math.Max(back, -p.AheadMillimeters + p.HalfLengthMillimeters);
            width = Math.Max(width, Math.Abs(p.AcrossMillimeters) + p.HalfWidthMillimeters);
        }

        FrontMillimeters = front;
        BackMillimeters = back;
        HalfWidthMillimeters = width;
    }

    public PopulationGroup Group { get; }

    public double StatureMillimeters { get; }

    /// <summary>Preferred walking (or rolling) speed.</summary>
    public double SpeedMillimetersPerMs { get; }

    public BodyPart[] Parts { get; }

    /// <summary>How far the body reaches ahead of the reference point.</summary>
    public double FrontMillimeters { get; }

    /// <summary>How far the body reaches behind the reference point.</summary>
    public double BackMillimeters { get; }

    /// <summary>Half the body's extent across the walking direction.</summary>
    public double HalfWidthMillimeters { get; }

    /// <summary>Length along the walking direction (front to back).</summary>
    public double LengthMillimeters => FrontMillimeters + BackMillimeters;
}
