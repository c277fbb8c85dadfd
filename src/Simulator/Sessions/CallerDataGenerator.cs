using System.Globalization;
using System.Text;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Simulator.Sessions;

/// <summary>
/// Makes realistic caller data: phone numbers in the mixed formats carriers and web forms deliver, SIP addresses,
/// caller ID names (CNAM style, accented, with apostrophes) and the call variables a call flow sets. Numbers are in the
/// ranges reserved for fiction (NANP 555-0100–0199, Ofcom 020 7946 0xxx); domains are <c>example</c> ones.
/// </summary>
public sealed class CallerDataGenerator(Random random)
{
    // The design's own example of hostile caller data: it must never change the meaning of a CRM query.
    private const string HostileCallerIdName = "O'Brien' OR Name != '";

    private static readonly string[] FirstNames =
        ["James", "Maria", "Wei", "Aisha", "José", "Zoë", "Liam", "Priya", "Seán", "Fatima", "Olivia", "Björn", "Mei", "Kwame", "Chloé", "Dmitri"];

    private static readonly string[] LastNames =
        ["Smith", "O'Brien", "García-López", "Nguyễn", "Müller", "Johnson", "D'Angelo", "Kowalski", "Patel", "Okafor", "Dubois", "Zhang", "MacDonald", "Ólafsdóttir", "van der Berg"];

    private static readonly string[] AreaCodes = ["415", "212", "312", "617", "206", "512"];
    private static readonly string[] Languages = ["en-US", "en-US", "en-US", "es-US", "fr-CA"];
    private static readonly string[] Tiers = ["Gold", "Silver", "Bronze"];
    private static readonly string[] MailDomains = ["example.com", "example.org", "example.net"];

    /// <summary>The data of a phone or SIP call to <paramref name="queue"/>.</summary>
    public SessionStart Voice(QueueProfile queue)
    {
        var (first, last) = Name();
        var digits = PhoneDigits(out var uk);
        var anonymous = random.NextDouble() < 0.05;
        return new SessionStart
        {
            Channel = SessionChannel.Voice,
            CallerPhoneNumber = anonymous ? null : FormatPhone(digits, uk),
            SipAddress = random.NextDouble() < 0.35 ? SipAddress(first, last, digits, uk) : null,
            CallerIdName = anonymous ? null : CallerIdName(first, last),
            DialedNumber = Pick(queue.DialedNumbers),
            ExtraItems = ExtraItems(queue, chat: false),
        };
    }

    /// <summary>The data of a web chat to <paramref name="queue"/>: the visitor's name and e-mail, sometimes a phone from the pre-chat form.</summary>
    public SessionStart Chat(QueueProfile queue)
    {
        var (first, last) = Name();
        var digits = PhoneDigits(out var uk);
        return new SessionStart
        {
            Channel = SessionChannel.Chat,
            CallerPhoneNumber = random.NextDouble() < 0.3 ? FormatPhone(digits, uk) : null,
            SipAddress = $"{MailboxName(first, last)}@{Pick(MailDomains)}",
            CallerIdName = $"{first} {last}",
            DialedNumber = $"sip:chat-{queue.Name.ToLowerInvariant()}@clarityconnect.example",
            ExtraItems = ExtraItems(queue, chat: true),
        };
    }

    private (string First, string Last) Name() => (Pick(FirstNames), Pick(LastNames));

    private string PhoneDigits(out bool uk)
    {
        uk = random.NextDouble() < 0.1;
        var line = random.Next(100, 200).ToString("D4", CultureInfo.InvariantCulture);
        return uk ? "2079460" + line[1..] : Pick(AreaCodes) + "555" + line;
    }

    private string FormatPhone(string digits, bool uk)
    {
        if (uk)
        {
            return random.Next(3) switch
            {
                0 => $"+44 {digits[..2]} {digits[2..6]} {digits[6..]}",
                1 => $"0{digits[..2]} {digits[2..6]} {digits[6..]}",
                _ => "+44" + digits,
            };
        }

        var (area, exchange, line) = (digits[..3], digits[3..6], digits[6..]);
        return random.Next(8) switch
        {
            0 => $"+1 ({area}) {exchange}-{line}",
            1 => digits,
            2 => $"{area}-{exchange}-{line}",
            3 => "+1" + digits,
            4 => $"({area}) {exchange}-{line}",
            5 => $"1-{area}-{exchange}-{line}",
            6 => $"{area}.{exchange}.{line}",
            _ => $"+1 {area} {exchange} {line}",
        };
    }

    private string SipAddress(string first, string last, string digits, bool uk) => random.NextDouble() < 0.5
        ? $"sip:+{(uk ? "44" : "1")}{digits}@sip.carrier.example;user=phone"
        : $"sip:{MailboxName(first, last)}@{Pick(MailDomains)}";

    private string? CallerIdName(string first, string last)
    {
        var roll = random.NextDouble();
        if (roll < 0.01)
        {
            return HostileCallerIdName;
        }

        var cnam = $"{last} {first}".ToUpperInvariant();
        return roll switch
        {
            < 0.35 => cnam.Length > 15 ? cnam[..15] : cnam,
            < 0.85 => $"{first} {last}",
            < 0.93 => "WIRELESS CALLER",
            _ => null,
        };
    }

    private Dictionary<string, string> ExtraItems(QueueProfile queue, bool chat)
    {
        var items = new Dictionary<string, string> { ["Language"] = Pick(Languages) };
        if (!chat)
        {
            items["IvrMenuChoice"] = (QueueCatalog.All.ToList().IndexOf(queue) + 1).ToString(CultureInfo.InvariantCulture);
        }

        if (random.NextDouble() < 0.6)
        {
            items["AccountNumber"] = "AC-" + random.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
        }

        if (random.NextDouble() < 0.3)
        {
            items["CustomerTier"] = Pick(Tiers);
        }

        if (queue.Name != "Support" && random.NextDouble() < 0.4)
        {
            items["OrderNumber"] = "SO-" + random.Next(10_000, 100_000).ToString(CultureInfo.InvariantCulture);
        }

        if (chat)
        {
            items["ChatTopic"] = Pick(queue.Topics);
            items["ChatPage"] = "https://www.clarityconnect.example/" + queue.Name.ToLowerInvariant();
        }

        return items;
    }

    private static string MailboxName(string first, string last)
    {
        var text = new StringBuilder();
        foreach (var c in $"{first}.{last}".ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (c is (>= 'a' and <= 'z') or '.')
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
