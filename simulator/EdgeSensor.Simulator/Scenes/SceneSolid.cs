namespace EdgeSensor.Simulator.Scenes;

/// <summary>What a solid in the scene is: it decides the shape of its top and how well it reflects infrared in a
/// coverage model that cares (the raster model); the footprint model treats every solid alike.</summary>
public enum SolidKind
{
    BodyPart,
    DoorLeaf,
}

/// <summary>
/// One solid at a moment, in floor coordinates: a vertical elliptic prism from the floor to <see cref="TopMillimeters"/>
/// centred at (<see cref="CentreX"/>, <see cref="CentreY"/>), semi-axes <see cref="HalfLength"/> along the walking line
/// and <see cref="HalfWidth"/> across it. How its top is shaped is the coverage model's assumption. A solid that stands for
/// part of a flat face (a door leaf's posts) carries that face's unit normal in plan (<see cref="FaceNormalX"/>,
/// <see cref="FaceNormalY"/>); a round solid leaves it zero, its sides facing outward from its axis.
/// </summary>
public readonly record struct SceneSolid(double CentreX, double CentreY, double HalfLength, double HalfWidth, double TopMillimeters, SolidKind Kind,
    double FaceNormalX = 0, double FaceNormalY = 0);
