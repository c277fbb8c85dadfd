namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>One word or quoted phrase of a FIND term, already unescaped; <see cref="Negated"/> after AND NOT.</summary>
internal sealed record SoslItem(string Text, bool Phrase, bool Negated);
