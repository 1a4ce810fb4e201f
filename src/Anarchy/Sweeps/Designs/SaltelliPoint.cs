namespace Anarchy.Sweeps.Designs;

/// <summary>The role of one point of a Saltelli design (<see cref="Saltelli.RoleOf"/>).</summary>
/// <param name="Matrix">The matrix the point is a row of.</param>
/// <param name="BaseSample">The row j, from 0 to N - 1: the Sobol point the row is built from.</param>
/// <param name="Factor">For <see cref="SaltelliMatrix.AB"/>, the factor i whose column comes from B; -1 for A and B.</param>
public readonly record struct SaltelliPoint(SaltelliMatrix Matrix, int BaseSample, int Factor);
