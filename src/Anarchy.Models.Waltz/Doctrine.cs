namespace Anarchy.Models.Waltz;

/// <summary>How a state balances when it is insecure (docs/MODEL.md, "Balancing").</summary>
public enum Doctrine
{
    /// <summary>Compares capability gained per unit of wealth through each channel and takes the better.</summary>
    Strategic,

    /// <summary>Always arms; holds no pacts.</summary>
    Internal,

    /// <summary>Always seeks allies; arms only when it may form no more pacts.</summary>
    External,

    /// <summary>Seeks allies with a probability that it learns by imitating successful neighbours.</summary>
    Adaptive,
}

/// <summary>How distances between states are measured.</summary>
public enum Geography
{
    /// <summary>Locations in the unit square, toroidal Euclidean distance.</summary>
    Torus,

    /// <summary>Locations as latitude and longitude in degrees; great-circle distance over half the Earth's circumference.</summary>
    GreatCircle,
}
