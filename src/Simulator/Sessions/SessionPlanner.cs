using System.Globalization;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Simulator.Options;

namespace ClarityConnect.Simulator.Sessions;

/// <summary>Decides what each session does: the same run id, seed and options always give the same plans.</summary>
public sealed class SessionPlanner(SimulatorOptions options)
{
    private readonly string _runId = options.RunId ?? throw new ArgumentException("The run id is not set.", nameof(options));
    private readonly int _seed = options.Seed ?? throw new ArgumentException("The seed is not set.", nameof(options));

    /// <summary>The plan of the session numbered <paramref name="index"/> (0-based).</summary>
    public SessionPlan Plan(int index)
    {
        var random = new Random(unchecked(_seed * 1_000_003 + index));

        // Structural choices first, so the shares hold whatever the content generators draw afterwards.
        var queue = PickQueue(random);
        var chat = random.NextDouble() < options.ChatShare;
        var abandon = random.NextDouble() < options.AbandonShare
            ? random.NextDouble() < 0.2 ? AbandonPoint.InCallFlow : AbandonPoint.WhileQueued
            : AbandonPoint.None;
        var missedOffers = random.NextDouble() < options.MissShare ? random.NextDouble() < 0.2 ? 2 : 1 : 0;
        var agentBreak = random.NextDouble() < options.AwayShare;
        var sessionSeed = random.Next();

        var sessionId = $"{_runId}-{(index + 1).ToString("D6", CultureInfo.InvariantCulture)}";
        var callers = new CallerDataGenerator(random);
        var start = chat ? callers.Chat(queue) : callers.Voice(queue);
        var topic = queue.Topics[random.Next(queue.Topics.Count)];
        var (disposition, subDisposition) = queue.Dispositions[random.Next(queue.Dispositions.Count)];
        var customer = start.CallerIdName ?? "Anonymous caller";
        var notes = $"{customer} contacted {queue.Name} about {topic}. Outcome: {disposition} / {subDisposition}."
            + (random.NextDouble() < 0.3 ? " Customer asked for a follow-up e-mail — sent." : "");
        var conversation = abandon != AbandonPoint.None ? []
            : chat ? ChatSteps(random, queue, start, topic)
            : VoiceSteps(random, queue, sessionId, topic);

        return new SessionPlan
        {
            SessionId = sessionId,
            Seed = sessionSeed,
            Start = start,
            Queue = queue.Name,
            Abandon = abandon,
            MissedOffers = missedOffers,
            Conversation = conversation,
            WrapUp = new WrapUpDetails { Disposition = disposition, SubDisposition = subDisposition },
            Completion = new WrapUpDetails { Disposition = disposition, SubDisposition = subDisposition, Notes = notes },
            AgentBreakAfter = agentBreak,
        };
    }

    private static QueueProfile PickQueue(Random random)
    {
        var roll = random.NextDouble() * QueueCatalog.All.Sum(q => q.Weight);
        foreach (var queue in QueueCatalog.All)
        {
            roll -= queue.Weight;
            if (roll < 0)
            {
                return queue;
            }
        }

        return QueueCatalog.All[^1];
    }

    private static List<ConversationStep> VoiceSteps(Random random, QueueProfile queue, string sessionId, string topic)
    {
        var pieces = random.NextDouble() switch { < 0.3 => 1, < 0.65 => 2, < 0.9 => 3, _ => 4 };
        // Sometimes the agent never presses stop: EndAsync closes the open piece.
        var leaveLastOpen = random.NextDouble() < 0.3;
        var holds = Math.Min(random.NextDouble() switch { < 0.6 => 0, < 0.9 => 1, _ => 2 }, leaveLastOpen ? pieces - 1 : pieces);
        var steps = new List<ConversationStep>();
        for (var piece = 1; piece <= pieces; piece++)
        {
            steps.Add(new ConversationStep
            {
                Kind = ConversationStepKind.StartRecording,
                RecordingLocation = $"recordings/{sessionId}/piece-{piece}.wav",
            });
            if (piece < pieces || !leaveLastOpen)
            {
                steps.Add(new ConversationStep { Kind = ConversationStepKind.StopRecording, Pause = 4 });
            }

            if (piece <= holds)
            {
                steps.Add(new ConversationStep { Kind = ConversationStepKind.Hold });
                steps.Add(new ConversationStep { Kind = ConversationStepKind.Resume, Pause = 3 });
            }
        }

        AddAgentWork(random, queue, topic, steps);
        return steps;
    }

    private static List<ConversationStep> ChatSteps(Random random, QueueProfile queue, SessionStart start, string topic)
    {
        var steps = new List<ConversationStep>();
        var firstName = start.CallerIdName?.Split(' ')[0] ?? "there";
        if (random.NextDouble() < 0.5)
        {
            steps.Add(Message("system", $"Agent joined the chat ({queue.Name})."));
        }

        steps.Add(Message("agent", $"Hi {firstName}, thanks for waiting. I see you're asking about {topic}."));
        var count = random.Next(3, 12);
        for (var i = 0; i < count; i++)
        {
            var lines = i % 2 == 0 ? queue.CustomerLines : queue.AgentLines;
            steps.Add(Message(i % 2 == 0 ? "customer" : "agent", lines[i / 2 % lines.Count]));
        }

        AddAgentWork(random, queue, topic, steps);
        return steps;
    }

    private static ConversationStep Message(string sender, string text) => new()
    {
        Kind = ConversationStepKind.Message,
        Pause = 2,
        Message = new TranscriptMessage { Sender = sender, Text = text },
    };

    private static void AddAgentWork(Random random, QueueProfile queue, string topic, List<ConversationStep> steps)
    {
        if (queue.Name == "Support" && random.NextDouble() < 0.5)
        {
            steps.Insert(Math.Min(1, steps.Count), new ConversationStep
            {
                Kind = ConversationStepKind.SetExtraItems,
                ExtraItems = new Dictionary<string, string> { ["TicketNumber"] = "TCK-" + random.Next(10_000, 100_000).ToString(CultureInfo.InvariantCulture) },
            });
        }

        if (random.NextDouble() < 0.3)
        {
            steps.Add(new ConversationStep
            {
                Kind = ConversationStepKind.SetWrapUpDetails,
                WrapUp = new WrapUpDetails { Notes = $"In progress: {topic}." },
            });
        }
    }
}
