using System.Text.Json;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using Microsoft.AspNetCore.Http;

namespace ClarityConnect.AdminApi.Website.Components.Nodes;

/// <summary>
/// The node builder's state as the page's one form carries it between posts (static SSR: no circuit keeps it): the CRM,
/// the node type and every control's value. It builds the node definition the telephony platform passes to
/// <c>ISessionGrain.RunNodeAsync</c>; whether the CRM knows the names is the builder grain's check.
/// </summary>
public sealed class NodeBuilderForm
{
    /// <summary>The node type value of a Customer Lookup.</summary>
    public const string CustomerLookup = "customer-lookup";

    /// <summary>The node type value of an Advanced Lookup.</summary>
    public const string AdvancedLookup = "advanced-lookup";

    /// <summary>Shows a saved <paramref name="node"/> in the controls (the node library's Load).</summary>
    public void Load(IntegrationNode node)
    {
        Crm = node.Integration;
        NodeId = node.NodeId;
        if (node is CustomerLookupNode lookup)
        {
            Kind = CustomerLookup;
            LookupType = lookup.LookupType;
            ExtraItemName = lookup.ExtraItemName ?? "";
            SearchParameter = lookup.SearchParameter ?? "";
            FreshLookup = lookup.FreshLookupOnEachCall;
            DaysToGoBack = lookup.DaysToGoBack.ToString(System.Globalization.CultureInfo.InvariantCulture);
            AutoOpen = lookup.AutoOpenOnAccept;
            return;
        }

        var advanced = (AdvancedLookupNode)node;
        Kind = AdvancedLookup;
        PrimaryObject = advanced.PrimaryObject;
        Fields.Clear();
        Fields.AddRange(advanced.Fields);
        FreeForm = advanced.FreeFormWhere is not null;
        FreeFormWhere = advanced.FreeFormWhere ?? "";
        WhereField = advanced.Condition?.Field ?? "";
        WhereOperator = advanced.Condition?.Operator ?? ConditionOperator.Equals;
        WhereValue = advanced.Condition?.Value ?? "";
        MultipleResults = advanced.MultipleResults;
    }

    /// <summary>The JSON of a node, as the admin API reads nodes (camelCase, enums as names), indented for reading; quotes
    /// stay quotes (Blazor HTML-encodes the text it renders, so the relaxed escaping is safe in the page).</summary>
    private static readonly JsonSerializerOptions Indented = new(AdminJson.Options)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The CRM: <c>salesforce</c> or <c>dynamics</c>.</summary>
    public string Crm { get; set; } = IntegrationNames.Salesforce;

    /// <summary><see cref="CustomerLookup"/> or <see cref="AdvancedLookup"/>.</summary>
    public string Kind { get; set; } = CustomerLookup;

    /// <summary>The node's id within its call flow.</summary>
    public string NodeId { get; set; } = "lookup";

    /// <summary>Customer Lookup: "Lookup Type".</summary>
    public LookupType LookupType { get; set; }

    /// <summary>Customer Lookup: "Extra Item Name".</summary>
    public string ExtraItemName { get; set; } = "";

    /// <summary>Customer Lookup: "Search Parameter".</summary>
    public string SearchParameter { get; set; } = "";

    /// <summary>Customer Lookup: "Perform Fresh Lookup on Each Call?".</summary>
    public bool FreshLookup { get; set; } = true;

    /// <summary>Customer Lookup: the days to go back, as typed.</summary>
    public string DaysToGoBack { get; set; } = "30";

    /// <summary>Customer Lookup: open the record when the agent accepts.</summary>
    public bool AutoOpen { get; set; }

    /// <summary>Advanced Lookup: "Primary Salesforce Object".</summary>
    public string PrimaryObject { get; set; } = "";

    /// <summary>Advanced Lookup: whether "Get Extended Properties" was clicked (the list holds related objects' fields).</summary>
    public bool Extended { get; set; }

    /// <summary>Advanced Lookup: the field chosen in the field list.</summary>
    public string FieldToAdd { get; set; } = "";

    /// <summary>Advanced Lookup: the added fields and the extra item each is stored in.</summary>
    public List<FieldMapping> Fields { get; } = [];

    /// <summary>Advanced Lookup: true for the free-form WHERE, false for the single condition.</summary>
    public bool FreeForm { get; set; }

    /// <summary>Advanced Lookup: the single condition's field ("WHERE").</summary>
    public string WhereField { get; set; } = "";

    /// <summary>Advanced Lookup: the single condition's operator.</summary>
    public ConditionOperator WhereOperator { get; set; }

    /// <summary>Advanced Lookup: the single condition's value.</summary>
    public string WhereValue { get; set; } = "";

    /// <summary>Advanced Lookup: the free-form WHERE clause.</summary>
    public string FreeFormWhere { get; set; } = "";

    /// <summary>Advanced Lookup: "How to handle Multiple Results Found".</summary>
    public MultipleResultsPolicy MultipleResults { get; set; }

    /// <summary>The value boxes: placeholder name → value, in order.</summary>
    public List<KeyValuePair<string, string>> ValueBoxes { get; } = [];

    /// <summary>"Try node": the caller's number.</summary>
    public string CallerPhoneNumber { get; set; } = "";

    /// <summary>"Try node": the caller ID name.</summary>
    public string CallerIdName { get; set; } = "";

    /// <summary>"Try node": the caller's SIP address.</summary>
    public string SipAddress { get; set; } = "";

    /// <summary>The node library: the name to save the node under.</summary>
    public string SaveName { get; set; } = "";

    /// <summary>The button clicked (its <c>action</c> value); empty on the first view.</summary>
    public string Action { get; set; } = "";

    /// <summary>Whether the node is an Advanced Lookup.</summary>
    public bool IsAdvanced => Kind == AdvancedLookup;

    /// <summary>Reads the state from the posted form (or the query of a GET: CRM and node type only).</summary>
    public static NodeBuilderForm Read(IFormCollection form)
    {
        var state = new NodeBuilderForm
        {
            Crm = form["crm"] == IntegrationNames.Dynamics ? IntegrationNames.Dynamics : IntegrationNames.Salesforce,
            Kind = form["kind"] == AdvancedLookup ? AdvancedLookup : CustomerLookup,
            NodeId = Text(form, "nodeId", "lookup"),
            LookupType = Enum.TryParse<LookupType>(form["lookupType"], out var lookupType) ? lookupType : LookupType.AutomaticDetection,
            ExtraItemName = Text(form, "extraItemName"),
            SearchParameter = Text(form, "searchParameter"),
            FreshLookup = form["fresh"] == "on",
            DaysToGoBack = Text(form, "daysToGoBack", "30"),
            AutoOpen = form["autoOpen"] == "on",
            PrimaryObject = Text(form, "primaryObject"),
            Extended = form["extended"] == "1",
            FieldToAdd = Text(form, "fieldToAdd"),
            FreeForm = form["whereMode"] == "free-form",
            WhereField = Text(form, "whereField"),
            WhereOperator = Enum.TryParse<ConditionOperator>(form["whereOperator"], out var op) ? op : ConditionOperator.Equals,
            WhereValue = Text(form, "whereValue"),
            FreeFormWhere = Text(form, "freeFormWhere"),
            MultipleResults = Enum.TryParse<MultipleResultsPolicy>(form["multipleResults"], out var policy) ? policy : MultipleResultsPolicy.TakeFirstResult,
            CallerPhoneNumber = Text(form, "callerPhoneNumber"),
            CallerIdName = Text(form, "callerIdName"),
            SipAddress = Text(form, "sipAddress"),
            SaveName = Text(form, "saveName"),
            Action = Text(form, "action"),
        };
        // The added fields and the value boxes post as aligned lists (field[i] ↔ item[i], placeholder[i] ↔ value[i]).
        var fields = form["field"];
        var items = form["item"];
        for (var i = 0; i < fields.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(fields[i]))
            {
                var item = i < items.Count ? items[i]?.Trim() : null;
                state.Fields.Add(new FieldMapping { Field = fields[i]!.Trim(), ExtraItem = string.IsNullOrEmpty(item) ? null : item });
            }
        }

        var placeholders = form["placeholder"];
        var values = form["value"];
        for (var i = 0; i < placeholders.Count; i++)
        {
            state.ValueBoxes.Add(new(placeholders[i]!, i < values.Count ? values[i] ?? "" : ""));
        }

        return state;
    }

    /// <summary>The value boxes as the session's extra items.</summary>
    public IReadOnlyDictionary<string, string> Values =>
        ValueBoxes.GroupBy(b => b.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Replaces the value boxes with one per placeholder, keeping the values already typed.</summary>
    public void SetValueBoxes(IEnumerable<string> placeholders)
    {
        var typed = Values;
        var boxes = placeholders.Select(p => new KeyValuePair<string, string>(p, typed.GetValueOrDefault(p, ""))).ToList();
        ValueBoxes.Clear();
        ValueBoxes.AddRange(boxes);
    }

    /// <summary>The node the controls describe; the problem (naming the control) when a control's text is not a node's value.</summary>
    public (IntegrationNode? Node, string? Problem) Node()
    {
        var id = string.IsNullOrWhiteSpace(NodeId) ? "lookup" : NodeId;
        if (!IsAdvanced)
        {
            if (!int.TryParse(DaysToGoBack, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days))
            {
                return (null, $"Days to go back must be a whole number of days, not '{DaysToGoBack}'.");
            }

            return (new CustomerLookupNode
            {
                NodeId = id, Integration = Crm, LookupType = LookupType,
                ExtraItemName = LookupType == LookupType.ExtraItemKey ? ExtraItemName : null,
                SearchParameter = LookupType == LookupType.ExtraItemKey ? SearchParameter : null,
                FreshLookupOnEachCall = FreshLookup, DaysToGoBack = days, AutoOpenOnAccept = AutoOpen,
            }, null);
        }

        return (new AdvancedLookupNode
        {
            NodeId = id, Integration = Crm, PrimaryObject = PrimaryObject, Fields = Fields.ToList(), MultipleResults = MultipleResults,
            Condition = FreeForm ? null : new WhereCondition { Field = WhereField, Operator = WhereOperator, Value = WhereValue },
            FreeFormWhere = FreeForm ? FreeFormWhere : null,
        }, null);
    }

    /// <summary>The node's JSON exactly as <c>RunNodeAsync</c>'s callers pass it (the admin API's reading of a node).</summary>
    public static string Json(IntegrationNode node) => JsonSerializer.Serialize(node, node.GetType(), Indented);

    private static string Text(IFormCollection form, string name, string fallback = "") =>
        form.TryGetValue(name, out var value) && value.Count > 0 ? value[^1]?.Trim() ?? fallback : fallback;
}
