using Anarchy.Numerics;

namespace Anarchy.Models.Waltz;

/// <summary>
/// Distances between states (docs/MODEL.md, "Entities"): toroidal Euclidean distance in the unit square, or
/// great-circle distance divided by half the Earth's circumference. Built from IEEE basic operations only, so the
/// static proximity matrix has the same bits on every machine.
/// </summary>
internal static class Geometry
{
    public static double TorusDistance(double x1, double y1, double x2, double y2)
    {
        double dx = Math.Abs(x1 - x2), dy = Math.Abs(y1 - y2);
        dx = Math.Min(dx, 1 - dx);
        dy = Math.Min(dy, 1 - dy);
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>Central angle between two points given in degrees, divided by pi: a number in [0, 1].</summary>
    public static double GreatCircleDistance(double lat1, double lng1, double lat2, double lng2)
    {
        const double degree = Math.PI / 180;
        double p1 = lat1 * degree, p2 = lat2 * degree, l1 = lng1 * degree, l2 = lng2 * degree;
        double x1 = Cos(p1) * Cos(l1), y1 = Cos(p1) * Sin(l1), z1 = Sin(p1);
        double x2 = Cos(p2) * Cos(l2), y2 = Cos(p2) * Sin(l2), z2 = Sin(p2);
        double dx = x1 - x2, dy = y1 - y2, dz = z1 - z2;
        double halfChord = Math.Min(1.0, Math.Sqrt(dx * dx + dy * dy + dz * dz) / 2);
        // The central angle is 2 asin(halfChord); solve sin(t) = halfChord on [0, pi/2] by bisection (fixed steps).
        double lo = 0, hi = Math.PI / 2;
        for (int step = 0; step < 64; step++)
        {
            double mid = (lo + hi) / 2;
            if (Sin(mid) < halfChord) lo = mid; else hi = mid;
        }
        return 2 * ((lo + hi) / 2) / Math.PI;
    }

    /// <summary>Sine for |x| &lt;= 2 pi by reduction to [-pi/2, pi/2] and a Taylor polynomial (error below 1e-15).</summary>
    public static double Sin(double x)
    {
        if (x > Math.PI) x -= 2 * Math.PI;
        if (x < -Math.PI) x += 2 * Math.PI;
        if (x > Math.PI / 2) x = Math.PI - x;
        if (x < -Math.PI / 2) x = -Math.PI - x;
        double x2 = x * x, term = x, sum = x;
        for (int k = 1; k <= 12; k++)
        {
            term = -term * x2 / ((2 * k) * (2 * k + 1));
            sum += term;
        }
        return sum;
    }

    public static double Cos(double x) => Sin(x + Math.PI / 2);

    /// <summary>
    /// Each state's power-projection factor <c>f_i = max(1, (M_i / mean M)^projection)</c> from its initial capability:
    /// a dyad's gradient is <c>lossGradient * max(f_i, f_j)</c>, so a state stronger than the average reaches
    /// further, and is reached from further, than an ordinary one. All ones when <paramref name="projection"/> is 0.
    /// </summary>
    public static double[] ProjectionFactors(World w, double projection)
    {
        int n = w.N;
        var capability = w.Capability;
        var f = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) mean += capability[i];
        mean /= n;
        for (int i = 0; i < n; i++)
        {
            double ratio = capability[i] / mean;
            f[i] = projection > 0 && ratio > 1 ? ExactMath.Pow(ratio, projection) : 1;
        }
        return f;
    }

    /// <summary>Proximity pi = exp(-d / L) (the loss-of-strength gradient).</summary>
    public static double Proximity(double distance, double lossGradient) => ExactMath.Exp(-distance / lossGradient);
}
