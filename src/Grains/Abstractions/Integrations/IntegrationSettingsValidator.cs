namespace ClarityConnect.Abstractions.Integrations;

/// <summary>
/// Which <see cref="SettingRules"/> rule applies to each setting, and which settings an enabled integration needs.
/// The config grain runs it on every update (so an Orleans client calling <see cref="IIntegrationConfigGrain.UpdateAsync"/>
/// directly is held to the same rules); the admin API runs it before calling the grain, to answer with the JSON
/// member names. Every error names its setting as in the settings record (e.g. <c>ConsumerKey</c>).
/// </summary>
public static class IntegrationSettingsValidator
{
    /// <summary>
    /// The errors of <paramref name="settings"/>. Secret values carried by <paramref name="settings"/> are checked
    /// like user names; <paramref name="secretsSet"/> names the secrets that will be set after the update, to check
    /// that an enabled integration has the ones it needs; null skips that check (a caller that does not know the
    /// stored secrets, such as the admin API before it calls the grain).
    /// </summary>
    public static IReadOnlyList<SettingError> Validate(IntegrationSettings settings, IReadOnlySet<string>? secretsSet = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new Errors(secretsSet);
        foreach (var (name, value) in settings.GetSecrets())
        {
            errors.Check(name, SettingRules.Credential(value));
        }

        switch (settings)
        {
            case SalesforceSettings s:
                errors.Check(nameof(s.ConsumerKey), SettingRules.Credential(s.ConsumerKey), required: s.Enabled && string.IsNullOrEmpty(s.ConsumerKey));
                errors.Secret(SalesforceSettings.ConsumerSecretName, required: s.Enabled);
                errors.Check(nameof(s.LoginUrl), string.IsNullOrEmpty(s.LoginUrl) ? "is required" : SettingRules.Url(s.LoginUrl));
                errors.Check(nameof(s.ApiVersion), SettingRules.ApiVersion(s.ApiVersion));
                errors.Check(nameof(s.RequestTimeoutSeconds), SettingRules.Range(s.RequestTimeoutSeconds, 1, 120));
                errors.Check(nameof(s.MaxConcurrentRequests), SettingRules.Range(s.MaxConcurrentRequests, 1, 100));
                break;
            case DynamicsSettings d:
                errors.Check(nameof(d.ClientId), SettingRules.ApplicationId(d.ClientId), required: d.Enabled && string.IsNullOrEmpty(d.ClientId));
                errors.Secret(DynamicsSettings.ClientKeyName, required: d.Enabled);
                errors.Check(nameof(d.InstanceUrl), SettingRules.Url(d.InstanceUrl), required: d.Enabled && string.IsNullOrEmpty(d.InstanceUrl));
                errors.Check(nameof(d.AuthorizationUrl), SettingRules.Url(d.AuthorizationUrl), required: d.Enabled && string.IsNullOrEmpty(d.AuthorizationUrl));
                errors.Check(nameof(d.TokenUrl), SettingRules.Url(d.TokenUrl), required: d.Enabled && string.IsNullOrEmpty(d.TokenUrl));
                errors.Check(nameof(d.RequestTimeoutSeconds), SettingRules.Range(d.RequestTimeoutSeconds, 1, 120));
                errors.Check(nameof(d.MaxConcurrentRequests), SettingRules.Range(d.MaxConcurrentRequests, 1, 100));
                break;
            case CsiSettings c:
                var eventsNeeded = c.Enabled && c.SendChangeEvents;
                var ftpNeeded = c.Enabled && (c.SendAcdStatistics || c.SendSessionRecordings || c.SendSessionTranscript);
                errors.Check(nameof(c.InstanceAddress), SettingRules.HostOrUrl(c.InstanceAddress), required: eventsNeeded && string.IsNullOrEmpty(c.InstanceAddress));
                errors.Secret(CsiSettings.DeveloperKeyName, required: eventsNeeded);
                errors.Check(nameof(c.FtpHostname), SettingRules.Host(c.FtpHostname), required: ftpNeeded && string.IsNullOrEmpty(c.FtpHostname));
                errors.Check(nameof(c.FtpUsername), SettingRules.Credential(c.FtpUsername), required: ftpNeeded && string.IsNullOrEmpty(c.FtpUsername));
                errors.Secret(CsiSettings.FtpPasswordName, required: ftpNeeded);
                errors.Check(nameof(c.FtpTrustedCaCertificate), SettingRules.CertificatePem(c.FtpTrustedCaCertificate));
                errors.Check(nameof(c.FtpTlsHostName), SettingRules.DnsName(c.FtpTlsHostName));
                foreach (var error in SettingRules.QueueNames(c.DisabledQueues))
                {
                    errors.Check(nameof(c.DisabledQueues), error);
                }

                break;
            case PlatformSettings p:
                errors.Check(nameof(p.AdminWebsiteBaseUrl), SettingRules.Url(p.AdminWebsiteBaseUrl));
                errors.Check(nameof(p.RecordingsRoot), SettingRules.FolderOrUrl(p.RecordingsRoot));
                errors.Check(nameof(p.DefaultPhoneRegion), SettingRules.PhoneRegion(p.DefaultPhoneRegion));
                break;
        }

        return errors.List;
    }

    /// <summary>
    /// The secrets that will be set once <paramref name="update"/> is stored over <paramref name="storedSecrets"/>: a
    /// null secret keeps the stored one, an empty one clears it, any other value sets it. The grain passes this to
    /// <see cref="Validate"/>; the website uses it to check every integration before it stores any.
    /// </summary>
    public static IReadOnlySet<string> SecretsAfter(IEnumerable<string> storedSecrets, IntegrationSettings update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var after = storedSecrets.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in update.GetSecrets())
        {
            if (value is { Length: 0 })
            {
                after.Remove(name);
            }
            else if (value is not null)
            {
                after.Add(name);
            }
        }

        return after;
    }

    private sealed class Errors(IReadOnlySet<string>? secretsSet)
    {
        public List<SettingError> List { get; } = [];

        public void Check(string field, string? error, bool required = false)
        {
            if (required)
            {
                error = "is required when the integration is enabled";
            }

            if (error is not null)
            {
                List.Add(new SettingError { Field = field, Message = error });
            }
        }

        public void Secret(string field, bool required)
        {
            if (required && secretsSet is not null && !secretsSet.Contains(field) && !List.Any(e => e.Field == field))
            {
                List.Add(new SettingError { Field = field, Message = "is required when the integration is enabled (and no value is stored)" });
            }
        }
    }
}
