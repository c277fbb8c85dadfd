using ClarityConnect.Grains.Crm;
using ClarityConnect.Grains.Integrations;
using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Grains.Exports;

/// <summary>Every export target of this silo: one per CRM adapter, plus the registered non-CRM targets (CSI).</summary>
public sealed class ExportTargets([FromKeyedServices(HttpLane.Background)] IEnumerable<ICrmAdapter> crms, IEnumerable<IExportTarget> others, IntegrationSettingsCache settings)
{
    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    public IExportTarget? Find(string name) =>
        others.FirstOrDefault(t => t.Name == name)
        ?? crms.Where(c => c.Integration == name).Select(c => (IExportTarget)new CrmExportTarget(c, settings)).FirstOrDefault();
}
