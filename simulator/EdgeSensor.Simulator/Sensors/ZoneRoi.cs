using System.Globalization;
using EdgeSensor.Core.Drivers.Vl53l1x;

namespace EdgeSensor.Simulator.Sensors;

/// <summary>
/// The two zones' region of interest on the 16 × 16 SPAD array, as a device's configuration sets it (<c>zones.roiWidth</c>,
/// <c>roiHeight</c>, <c>zone0RoiCenter</c>, <c>zone1RoiCenter</c>, docs/provisioning.md): <see cref="Width"/> SPAD columns
/// along the walking line by <see cref="Height"/> rows across it, both zones the same size (UM2555 orientation,
/// <see cref="Vl53l1xRoi"/>). Both coverage models look through it, and the noise and reach of a reading follow its SPAD
/// count (<see cref="TofSensorModel.NoiseSigma"/>).
/// </summary>
public sealed record ZoneRoi(int Width, int Height, int Zone0Centre, int Zone1Centre)
{
    /// <summary>SPADs of one zone of the default split, the count the noise model's figures were set for.</summary>
    public const int ReferenceSpadCount = 8 * 16;

    /// <summary>The firmware's default: the array split in two 8 × 16 halves along the walking line (centres 167, 231).</summary>
    public static ZoneRoi PeopleCounting { get; } = new(8, 16, 167, 231);

    /// <summary>SPADs enabled in one zone.</summary>
    public int SpadCount => Width * Height;

    /// <summary>Columns (along the walking line) and rows (across it) of a zone, 0..15, first and last inclusive; an ROI
    /// reaching past the array's edge is clipped to it, as the device does.</summary>
    public void Cells(int zone, out int firstColumn, out int lastColumn, out int firstRow, out int lastRow) =>
        SpadCells(zone == 0 ? Zone0Centre : Zone1Centre, Width, Height, out firstColumn, out lastColumn, out firstRow, out lastRow);

    /// <summary>Columns and rows, 0..15, first and last inclusive, of a <paramref name="width"/> × <paramref name="height"/>
    /// ROI centred on SPAD <paramref name="centreSpad"/>, clipped to the array as the device does (one entirely off the
    /// array: the nearest edge SPAD).</summary>
    public static void SpadCells(int centreSpad, int width, int height, out int firstColumn, out int lastColumn, out int firstRow, out int lastRow)
    {
        Vl53l1xRoi.Position(centreSpad, out int column, out int row);
        Span(column, width, out firstColumn, out lastColumn);
        Span(row, height, out firstRow, out lastRow);
    }

    /// <summary>The viewing pyramid of a <paramref name="width"/> × <paramref name="height"/> ROI centred on SPAD
    /// <paramref name="centreSpad"/> (see <see cref="SpadCells"/>).</summary>
    public static TofZoneGeometry Geometry(int centreSpad, int width, int height, double fieldOfViewDegrees)
    {
        SpadCells(centreSpad, width, height, out int firstColumn, out int lastColumn, out int firstRow, out int lastRow);
        return new TofZoneGeometry(
            EdgeRadians(firstColumn, fieldOfViewDegrees), EdgeRadians(lastColumn + 1, fieldOfViewDegrees),
            EdgeRadians(firstRow, fieldOfViewDegrees), EdgeRadians(lastRow + 1, fieldOfViewDegrees));
    }

    private static void Span(int centre, int size, out int first, out int last)
    {
        first = Math.Max(0, Vl53l1xRoi.FirstIndex(centre, size));
        last = Math.Min(Vl53l1xRoi.ArraySize - 1, Vl53l1xRoi.FirstIndex(centre, size) + size - 1);
        if (last < first)
        {
            // Entirely off the array: the nearest edge SPAD.
            first = last = Math.Clamp(centre, 0, Vl53l1xRoi.ArraySize - 1);
        }
    }

    /// <summary>The two zones' viewing pyramids for the footprint model (zone 0 outside, zone 1 inside).</summary>
    public TofZoneGeometry[] Zones(double fieldOfViewDegrees) => [Zone(0, fieldOfViewDegrees), Zone(1, fieldOfViewDegrees)];

    /// <summary>Edge k (0..16) of the SPAD grid as an angle (radians) from the axis: each SPAD an equal slice of the view.</summary>
    public static double EdgeRadians(int edge, double fieldOfViewDegrees) =>
        ((double)edge / Vl53l1xRoi.ArraySize - 0.5) * fieldOfViewDegrees * Math.PI / 180;

    private TofZoneGeometry Zone(int zone, double fieldOfViewDegrees) =>
        Geometry(zone == 0 ? Zone0Centre : Zone1Centre, Width, Height, fieldOfViewDegrees);

    // Does the zone's ROI lie on the array as programmed (no clipping)?
    private bool Fits(int zone)
    {
        Vl53l1xRoi.Position(zone == 0 ? Zone0Centre : Zone1Centre, out int column, out int row);
        int firstColumn = Vl53l1xRoi.FirstIndex(column, Width), firstRow = Vl53l1xRoi.FirstIndex(row, Height);
        return firstColumn >= 0 && firstColumn + Width <= Vl53l1xRoi.ArraySize && firstRow >= 0 && firstRow + Height <= Vl53l1xRoi.ArraySize;
    }

    /// <summary>e.g. <c>8x12</c>, or <c>8x12@166,230</c> when the centres are not the halves' (167, 231).</summary>
    public string Label => Zone0Centre == PeopleCounting.Zone0Centre && Zone1Centre == PeopleCounting.Zone1Centre
        ? string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}")
        : string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}@{Zone0Centre},{Zone1Centre}");

    /// <summary>
    /// Reads <c>WxH</c> or <c>WxH@centre0,centre1</c> (W columns along the walking line, H rows across, 4..16 each; the
    /// centres default to the halves' 167 and 231). Each zone must lie on the array, as the device configuration requires.
    /// </summary>
    public static bool TryParse(string? text, out ZoneRoi roi, out string error)
    {
        roi = PeopleCounting;
        error = string.Empty;
        string value = text ?? string.Empty;
        string size = value, centres = string.Empty;
        int at = value.IndexOf('@');
        if (at >= 0)
        {
            size = value[..at];
            centres = value[(at + 1)..];
        }

        string[] sides = size.Split('x', 'X');
        int[] centre = [PeopleCounting.Zone0Centre, PeopleCounting.Zone1Centre];
        string[] centreTexts = at >= 0 ? centres.Split(',') : [];
        if (sides.Length != 2 || !Side(sides[0], out int width) || !Side(sides[1], out int height)
            || (at >= 0 && (centreTexts.Length != 2 || !Spad(centreTexts[0], out centre[0]) || !Spad(centreTexts[1], out centre[1]))))
        {
            error = $"--roi must be WxH (SPADs along x across the walking line, each 4..16, e.g. 8x12), optionally @centre0,centre1 (SPADs 0..255), not '{value}'";
            return false;
        }

        var candidate = new ZoneRoi(width, height, centre[0], centre[1]);
        for (int zone = 0; zone < 2; zone++)
        {
            if (!candidate.Fits(zone))
            {
                error = $"--roi {value}: a {width}x{height} region centred on SPAD {centre[zone]} (zone {zone}) leaves the 16x16 array";
                return false;
            }
        }

        if (centre[0] == centre[1])
        {
            error = $"--roi {value}: the two zones need different centres";
            return false;
        }

        roi = candidate;
        return true;
    }

    private static bool Side(string text, out int side) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out side) && side is >= Vl53l1xRoi.MinimumSize and <= Vl53l1xRoi.ArraySize;

    private static bool Spad(string text, out int spad) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out spad) && spad is >= 0 and <= 255;
}
