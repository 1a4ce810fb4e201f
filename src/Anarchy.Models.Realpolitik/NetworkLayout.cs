namespace Anarchy.Models.Realpolitik;

/// <summary>
/// Positions for drawing a network: Fruchterman and Reingold's force-directed layout (1991), started from a circle
/// and run for a fixed number of steps, so the same network always gets the same picture. Positions are in [0, 1].
/// </summary>
internal static class NetworkLayout
{
    public static (double[] X, double[] Y) Place(IReadOnlyList<List<int>> neighbours, int steps = 300)
    {
        int n = neighbours.Count;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = 0.5 + 0.45 * Math.Cos(2 * Math.PI * i / n);
            y[i] = 0.5 + 0.45 * Math.Sin(2 * Math.PI * i / n);
        }
        double k = Math.Sqrt(1.0 / Math.Max(1, n));
        var dx = new double[n];
        var dy = new double[n];
        for (int step = 0; step < steps; step++)
        {
            double temperature = 0.1 * (1 - (double)step / steps);
            Array.Clear(dx);
            Array.Clear(dy);
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    double ex = x[i] - x[j], ey = y[i] - y[j], d2 = Math.Max(ex * ex + ey * ey, 1e-9);
                    double f = k * k / d2; // repulsion k^2 / d, along the unit vector (e / d)
                    dx[i] += ex * f; dy[i] += ey * f;
                    dx[j] -= ex * f; dy[j] -= ey * f;
                }
                foreach (int j in neighbours[i])
                {
                    if (j <= i) continue;
                    double ex = x[i] - x[j], ey = y[i] - y[j], d = Math.Sqrt(Math.Max(ex * ex + ey * ey, 1e-9));
                    double f = d / k; // attraction d^2 / k
                    dx[i] -= ex * f; dy[i] -= ey * f;
                    dx[j] += ex * f; dy[j] += ey * f;
                }
            }
            for (int i = 0; i < n; i++)
            {
                double length = Math.Sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (length <= 0) continue;
                double move = Math.Min(length, temperature);
                x[i] += dx[i] / length * move;
                y[i] += dy[i] / length * move;
            }
        }
        // Into [0, 1] with the same scale on both axes.
        double minX = x.Min(), minY = y.Min(), span = Math.Max(Math.Max(x.Max() - minX, y.Max() - minY), 1e-9);
        for (int i = 0; i < n; i++)
        {
            x[i] = (x[i] - minX) / span;
            y[i] = (y[i] - minY) / span;
        }
        return (x, y);
    }
}
