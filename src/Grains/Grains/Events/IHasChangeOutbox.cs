namespace ClarityConnect.Grains.Events;

/// <summary>A grain state that carries a change outbox.</summary>
public interface IHasChangeOutbox
{
    /// <summary>The outbox, written with the rest of the state.</summary>
    ChangeOutbox Outbox { get; }
}
