namespace Anarchy.Sweeps.Designs;

/// <summary>The matrix of Saltelli's scheme that a design point belongs to.</summary>
public enum SaltelliMatrix
{
    /// <summary>A: the first d coordinates of the Sobol point.</summary>
    A,

    /// <summary>B: the last d coordinates of the Sobol point.</summary>
    B,

    /// <summary>AB_i: A's row with factor i's column taken from B.</summary>
    AB,
}
