namespace Anarchy.Output;

/// <summary>The life cycle shared by the table writers.</summary>
internal enum WriterState
{
    /// <summary>Accepting rows.</summary>
    Open,

    /// <summary>All data is on disk in the temporary file; waiting to be published.</summary>
    Completed,

    /// <summary>The file is visible under its final name.</summary>
    Committed,

    /// <summary>A write failed part-way; the file can only be discarded.</summary>
    Faulted,

    /// <summary>Disposed.</summary>
    Disposed,
}
