using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Grains.Crm;

/// <summary>What differs between the CRMs' credentials sources (<see cref="CrmCredentialsSource{TSettings, TCredentials}"/>):
/// whose settings they read, which settings must be set and which settings fill which credential fields.</summary>
/// <param name="Integration">The settings' key (<see cref="IntegrationNames"/>).</param>
/// <param name="Crm">The CRM as messages to administrators name it.</param>
/// <param name="Required">The settings the credentials need, by their label on System Configuration, with their values.</param>
/// <param name="AppCredentials">The application's credentials (no refresh token); called only when every
/// <paramref name="Required"/> setting is set.</param>
/// <typeparam name="TSettings">The CRM's settings.</typeparam>
/// <typeparam name="TCredentials">The CRM connector's credentials.</typeparam>
public sealed record CrmCredentialsMapping<TSettings, TCredentials>(
    string Integration,
    string Crm,
    Func<TSettings, IReadOnlyList<(string Label, string? Value)>> Required,
    Func<TSettings, TCredentials> AppCredentials)
    where TSettings : IntegrationSettings, ICrmConnectionSettings
    where TCredentials : class, ICrmCredentials<TCredentials>;
