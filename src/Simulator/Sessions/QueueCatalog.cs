namespace ClarityConnect.Simulator.Sessions;

/// <summary>The queues of the simulated contact center: Sales, Support and Billing.</summary>
public static class QueueCatalog
{
    /// <summary>Every queue.</summary>
    public static IReadOnlyList<QueueProfile> All { get; } =
    [
        new QueueProfile
        {
            Name = "Sales",
            Weight = 0.3,
            DialedNumbers = ["+1 (800) 555-0101", "tel:+18005550101", "sip:sales@clarityconnect.example", "8005550101"],
            Topics = ["a quote for 25 seats", "upgrading to the Premium plan", "a volume discount", "the annual billing option"],
            Dispositions = [("Sale", "New subscription"), ("Sale", "Upgrade"), ("Follow-up", "Quote sent"), ("No sale", "Price")],
            CustomerLines =
            [
                "Hi, I'd like a quote for our team.", "We're about 25 people, maybe 40 next year.",
                "Is there a discount if we pay annually?", "Does Premium include call recording?", "Great, can you e-mail that to me?",
            ],
            AgentLines =
            [
                "Happy to help with that! How many users do you have?", "Annual billing saves 15% over monthly.",
                "Yes, Premium includes recording and 12 months of storage.", "I've sent the quote to the address on file.",
                "Anything else I can help with today?",
            ],
        },
        new QueueProfile
        {
            Name = "Support",
            Weight = 0.5,
            DialedNumbers = ["+1 (800) 555-0102", "tel:+18005550102", "sip:support@clarityconnect.example", "1-800-555-0102"],
            Topics = ["a password reset", "the mobile app crashing on start", "missing e-mail notifications", "exporting reports to CSV"],
            Dispositions = [("Resolved", "Password reset"), ("Resolved", "How-to"), ("Escalated", "Tier 2"), ("Callback", "Awaiting logs")],
            CustomerLines =
            [
                "I can't log in since this morning.", "It says my password is wrong but I just changed it.",
                "The app closes as soon as I open it.", "I'm on version 4.2, I think.", "OK that worked, thank you!",
            ],
            AgentLines =
            [
                "Sorry about that, let's sort it out.", "I've sent a reset link to your e-mail.",
                "Could you try clearing the app's cache?", "I've opened a ticket for our tier 2 team.", "Glad it works now!",
            ],
        },
        new QueueProfile
        {
            Name = "Billing",
            Weight = 0.2,
            DialedNumbers = ["+1 (800) 555-0103", "tel:+18005550103", "sip:billing@clarityconnect.example", "800.555.0103"],
            Topics = ["a double charge", "updating the card on file", "the last invoice", "a refund request"],
            Dispositions = [("Resolved", "Payment taken"), ("Refund", "Partial"), ("Refund", "Full"), ("Resolved", "Invoice explained")],
            CustomerLines =
            [
                "I was charged twice this month.", "The second charge is $49.99 on the 3rd.", "Can I update my card?",
                "When will I see the refund?", "Perfect, thanks.",
            ],
            AgentLines =
            [
                "Let me look at your account.", "I see the duplicate charge, I'll refund it now.",
                "Refunds show up in 3-5 business days.", "Your card ending 4242 is now on file.", "Is there anything else?",
            ],
        },
    ];
}
