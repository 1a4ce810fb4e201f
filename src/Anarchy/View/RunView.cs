namespace Anarchy.View;

/// <summary>
/// What a model shows of one run in <c>anarchy view</c>: where its agents stand, and per time step how large each
/// is, whether it lives, its group (bloc, coalition) and the ties between agents (pacts, borders). The series and
/// events come from the model's own tables; this is what only the model knows.
/// </summary>
/// <param name="Layout">How <see cref="X"/> and <see cref="Y"/> read: <c>torus</c> (a unit square whose edges wrap),
/// <c>earth</c> (longitude and latitude in degrees), or <c>plane</c> (a unit square, for example a network's layout).</param>
/// <param name="Names">Each agent's name.</param>
/// <param name="X">Each agent's position across (in [0, 1], or longitude).</param>
/// <param name="Y">Each agent's position down (in [0, 1], or latitude).</param>
/// <param name="SizeLabel">What the size is, e.g. "capability".</param>
/// <param name="GroupLabel">What the groups are, e.g. "bloc".</param>
/// <param name="TieLabel">What the ties are, e.g. "pact".</param>
/// <param name="Frames">One frame per time step, in order.</param>
public sealed record RunView(string Layout, IReadOnlyList<string> Names, double[] X, double[] Y, string SizeLabel, string GroupLabel,
    string TieLabel, IReadOnlyList<ViewFrame> Frames);

/// <summary>One time step of a <see cref="RunView"/>.</summary>
/// <param name="Time">The time step, as in the series table's time column.</param>
/// <param name="Size">Each agent's size (0 when dead).</param>
/// <param name="Alive">Whether each agent lives.</param>
/// <param name="Group">Each agent's group, or -1 for none.</param>
/// <param name="Ties">The ties in force, as pairs of agents.</param>
public sealed record ViewFrame(long Time, double[] Size, bool[] Alive, int[] Group, IReadOnlyList<(int A, int B)> Ties);
