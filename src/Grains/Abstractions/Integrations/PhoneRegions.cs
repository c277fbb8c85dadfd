namespace ClarityConnect.Abstractions.Integrations;

/// <summary>
/// The regions a default phone region may name: the two-letter codes (ISO 3166-1 alpha-2, plus AC Ascension, TA
/// Tristan da Cunha and XK Kosovo) for which libphonenumber 9.0.43 has numbering metadata. The contract cannot
/// reference libphonenumber, so the list is written out here; a test in ClarityConnect.Grains.Tests compares it
/// with libphonenumber's own list, so an upgrade that adds or drops a region fails until this list follows.
/// </summary>
public static class PhoneRegions
{
    /// <summary>The region of a number written without a country code when nothing else is set: <c>US</c>.</summary>
    public const string Default = "US";

    /// <summary>Every supported region code, in capitals.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>((
        "AC AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ " +
        "BL BM BN BO BQ BR BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU " +
        "CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA " +
        "GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL " +
        "IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC " +
        "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK " +
        "PL PM PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM " +
        "SN SO SR SS ST SV SX SY SZ TA TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
        "UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW")
        .Split(' '), StringComparer.Ordinal);
}
