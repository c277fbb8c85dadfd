namespace ClarityConnect.Simulator.Sessions;

/// <summary>What the agent or customer does at one step of a conversation (between Accept and End).</summary>
public enum ConversationStepKind
{
    /// <summary>The agent starts a recording piece.</summary>
    StartRecording,
    /// <summary>The agent stops the recording piece.</summary>
    StopRecording,
    /// <summary>The agent puts the customer on hold.</summary>
    Hold,
    /// <summary>The agent takes the customer off hold.</summary>
    Resume,
    /// <summary>A chat message from the customer, the agent or a bot.</summary>
    Message,
    /// <summary>The agent sets call variables.</summary>
    SetExtraItems,
    /// <summary>The agent types notes during the conversation.</summary>
    SetWrapUpDetails,
}
