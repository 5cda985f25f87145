namespace EdgeSensor.Core.Tests.Counting;

/// <summary>The tests' one source of normally distributed noise (the sensor's ranging noise in scripted scenes).</summary>
internal static class StandardNormal
{
    /// <summary>A draw of mean 0 and variance 1 (Box-Muller).</summary>
    public static double Next(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A cheaper, bounded draw of mean 0 and variance 1: the sum of 12 uniforms minus 6 (Irwin-Hall), enough for a test's noise.</summary>
    public static double NextBounded(Random random)
    {
        double sum = 0;
        for (int k = 0; k < 12; k++)
        {
            sum += random.NextDouble();
        }

        return sum - 6;
    }
}
