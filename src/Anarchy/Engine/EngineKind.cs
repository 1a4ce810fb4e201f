namespace Anarchy.Engine;

/// <summary>Which implementation of a model's rules runs it; a model that has both gives byte-identical results.</summary>
public enum EngineKind
{
    /// <summary>The model's batched engine, runs in vector lanes, where it has one (for example
    /// docs/decisions/0003-batched-kernel.md).</summary>
    Kernel,

    /// <summary>The readable reference implementation, one run at a time: the specification.</summary>
    Reference,
}
