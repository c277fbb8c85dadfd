namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary><c>field op literal</c> with op one of <c>= != &lt; &lt;= &gt; &gt;= LIKE IN NOTIN</c> (IN compares against <see cref="Values"/>).</summary>
internal sealed record SoqlComparison(SoqlFieldPath Path, string Operator, IReadOnlyList<SoqlLiteral> Values) : SoqlCondition;
