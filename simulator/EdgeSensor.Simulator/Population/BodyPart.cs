namespace EdgeSensor.Simulator.Population;

/// <summary>
/// One part of a body as seen from above: an axis-aligned ellipse in plan with a flat top.
/// Offsets are relative to the person's reference point; <see cref="AheadMillimeters"/> is along the
/// walking direction (positive = in front), so the same body works for entries and exits.
/// </summary>
public readonly record struct BodyPart(
    double AheadMillimeters,
    double AcrossMillimeters,
    double HalfLengthMillimeters,
    double HalfWidthMillimeters,
    double TopMillimeters);
