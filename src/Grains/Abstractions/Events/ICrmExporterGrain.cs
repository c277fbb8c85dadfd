namespace ClarityConnect.Abstractions.Events;

/// <summary>Receives every change event of one session or agent for the CRM exports (Salesforce, Dynamics).</summary>
public interface ICrmExporterGrain : IChangeConsumerGrain;
