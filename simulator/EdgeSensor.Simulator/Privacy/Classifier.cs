namespace EdgeSensor.Simulator.Privacy;

/// <summary>
/// The attacker's classifier, trained on labelled days and judged on held-out ones: the better (by two-fold
/// cross-validation on the training set) of an L2-regularised logistic regression on all standardised statistics and
/// the best single-statistic threshold. Deterministic: no random restarts.
/// </summary>
public sealed class Classifier
{
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly double[]? _weights;
    private readonly int _stumpFeature;
    private readonly double _stumpThreshold;
    private readonly bool _stumpAbove;

    private Classifier(double[] mean, double[] scale, double[]? weights, int feature, double threshold, bool above)
    {
        _mean = mean;
        _scale = scale;
        _weights = weights;
        _stumpFeature = feature;
        _stumpThreshold = threshold;
        _stumpAbove = above;
    }

    /// <summary>Which model was chosen, for the report.</summary>
    public string Describe(IReadOnlyList<string> featureNames) =>
        _weights is not null ? "logistic regression" : $"threshold on {featureNames[_stumpFeature]}";

    public static Classifier Train(IReadOnlyList<double[]> x, IReadOnlyList<bool> y)
    {
        int half = x.Count / 2;
        var (xa, ya, xb, yb) = (x.Take(half).ToList(), y.Take(half).ToList(), x.Skip(half).ToList(), y.Skip(half).ToList());
        double logistic = (Fit(xa, ya, logistic: true).Accuracy(xb, yb) + Fit(xb, yb, logistic: true).Accuracy(xa, ya)) / 2;
        double stump = (Fit(xa, ya, logistic: false).Accuracy(xb, yb) + Fit(xb, yb, logistic: false).Accuracy(xa, ya)) / 2;
        return Fit(x, y, logistic >= stump);
    }

    public bool Predict(double[] features)
    {
        if (_weights is null)
        {
            return features[_stumpFeature] > _stumpThreshold == _stumpAbove;
        }

        double z = _weights[^1];
        for (int i = 0; i < features.Length; i++)
        {
            z += _weights[i] * (features[i] - _mean[i]) / _scale[i];
        }

        return z > 0;
    }

    public double Accuracy(IReadOnlyList<double[]> x, IReadOnlyList<bool> y)
    {
        int right = 0;
        for (int i = 0; i < x.Count; i++)
        {
            right += Predict(x[i]) == y[i] ? 1 : 0;
        }

        return x.Count == 0 ? 0 : (double)right / x.Count;
    }

    private static Classifier Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, bool logistic)
    {
        int n = x.Count, d = x[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] = x.Average(r => r[j]);
            double sd = Math.Sqrt(x.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])));
            scale[j] = sd > 1e-12 ? sd : 1;
        }

        if (logistic)
        {
            return new Classifier(mean, scale, Logistic(x, y, mean, scale), 0, 0, true);
        }

        (int feature, double threshold, bool above) = BestStump(x, y);
        return new Classifier(mean, scale, null, feature, threshold, above);
    }

    private static double[] Logistic(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double[] mean, double[] scale)
    {
        const double Lambda = 0.01, Rate = 1.0;
        int n = x.Count, d = mean.Length;
        var z = new double[n][];
        for (int i = 0; i < n; i++)
        {
            z[i] = new double[d];
            for (int j = 0; j < d; j++)
            {
                z[i][j] = Math.Clamp((x[i][j] - mean[j]) / scale[j], -10, 10);
            }
        }

        var w = new double[d + 1];
        var grad = new double[d + 1];
        for (int iteration = 0; iteration < 120; iteration++)
        {
            Array.Clear(grad);
            for (int i = 0; i < n; i++)
            {
                double s = w[d];
                for (int j = 0; j < d; j++)
                {
                    s += w[j] * z[i][j];
                }

                double error = (1 / (1 + Math.Exp(-s))) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++)
                {
                    grad[j] += error * z[i][j];
                }

                grad[d] += error;
            }

            for (int j = 0; j <= d; j++)
            {
                w[j] -= Rate * ((grad[j] / n) + (j < d ? Lambda * w[j] : 0));
            }
        }

        return w;
    }

    // The single statistic and threshold (either direction) that separate the training days best.
    private static (int Feature, double Threshold, bool Above) BestStump(IReadOnlyList<double[]> x, IReadOnlyList<bool> y)
    {
        int n = x.Count, positives = y.Count(v => v);
        (int, double, bool) best = (0, double.PositiveInfinity, true);
        int bestRight = -1;
        for (int j = 0; j < x[0].Length; j++)
        {
            int[] order = [.. Enumerable.Range(0, n).OrderBy(i => x[i][j])];

            // Threshold below every value: all predicted positive ("above").
            int positivesAbove = positives;
            int negativesAbove = n - positives;
            for (int k = -1; k < n; k++)
            {
                if (k >= 0)
                {
                    if (y[order[k]])
                    {
                        positivesAbove--;
                    }
                    else
                    {
                        negativesAbove--;
                    }

                    if (k + 1 < n && x[order[k + 1]][j] == x[order[k]][j])
                    {
                        continue;
                    }
                }

                double threshold = k < 0 ? double.NegativeInfinity : x[order[k]][j];
                int rightAbove = positivesAbove + ((n - positives) - negativesAbove);
                int rightBelow = n - rightAbove;
                if (rightAbove > bestRight)
                {
                    (bestRight, best) = (rightAbove, (j, threshold, true));
                }

                if (rightBelow > bestRight)
                {
                    (bestRight, best) = (rightBelow, (j, threshold, false));
                }
            }
        }

        return best;
    }
}
