namespace EdgeSensor.Simulator.Privacy;

/// <summary>Root-mean-square and 95th-percentile absolute error of a set of estimates.</summary>
public readonly record struct ErrorSummary(double Rmse, double P95, int Count)
{
    public static ErrorSummary Of(IReadOnlyList<double> errors)
    {
        if (errors.Count == 0)
        {
            return new ErrorSummary(0, 0, 0);
        }

        double squares = 0;
        var abs = new double[errors.Count];
        for (int i = 0; i < errors.Count; i++)
        {
            squares += errors[i] * errors[i];
            abs[i] = Math.Abs(errors[i]);
        }

        Array.Sort(abs);
        int rank = (int)Math.Ceiling(0.95 * abs.Length) - 1;
        return new ErrorSummary(Math.Sqrt(squares / errors.Count), abs[Math.Clamp(rank, 0, abs.Length - 1)], errors.Count);
    }
}
