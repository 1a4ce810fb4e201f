namespace Anarchy.Engine;

/// <summary>
/// One object of each type kept per thread for reuse: what a finished piece of work leaves (<see cref="Keep"/>) for
/// the next one on the same thread (<see cref="Take"/>), which must check that it fits and reset it. Nothing may read
/// a kept object through any other reference.
/// </summary>
public static class ThreadSpare
{
    /// <summary>This thread's spare of type <typeparamref name="T"/>, if any; it is no longer kept.</summary>
    public static T? Take<T>() where T : class
    {
        var spare = Slot<T>.Spare;
        Slot<T>.Spare = null;
        return spare;
    }

    /// <summary>Keeps <paramref name="spare"/> for this thread's next <see cref="Take{T}"/>, in place of any before it.</summary>
    public static void Keep<T>(T spare) where T : class => Slot<T>.Spare = spare;

    private static class Slot<T> where T : class
    {
        [ThreadStatic]
        public static T? Spare;
    }
}
