using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Grains.Integrations;

/// <summary>Checks integration settings; every error names its setting.</summary>
public static class IntegrationSettingsValidator
{
    private const int MaxTextLength = 1_000;

    /// <summary>The errors of <paramref name="settings"/>, given which secrets will be set after the update.</summary>
    public static List<SettingError> Validate(IntegrationSettings settings, IReadOnlySet<string> secretsSet)
    {
        var errors = new Errors(secretsSet);
        switch (settings)
        {
            case SalesforceSettings s:
                errors.Text(nameof(s.ConsumerKey), s.ConsumerKey, required: s.Enabled);
                errors.Secret(SalesforceSettings.ConsumerSecretName, required: s.Enabled);
                errors.Url(nameof(s.LoginUrl), s.LoginUrl, required: true);
                if (!System.Text.RegularExpressions.Regex.IsMatch(s.ApiVersion ?? "", @"^\d{2,3}\.0$"))
                {
                    errors.Add(nameof(s.ApiVersion), $"'{s.ApiVersion}' is not a Salesforce API version such as 62.0");
                }

                errors.Range(nameof(s.RequestTimeoutSeconds), s.RequestTimeoutSeconds, 1, 120);
                errors.Range(nameof(s.MaxConcurrentRequests), s.MaxConcurrentRequests, 1, 100);
                break;
            case DynamicsSettings d:
                errors.Text(nameof(d.ClientId), d.ClientId, required: d.Enabled);
                if (!string.IsNullOrWhiteSpace(d.ClientId) && !Guid.TryParse(d.ClientId, out _))
                {
                    errors.Add(nameof(d.ClientId), "must be the application (client) id, a GUID");
                }

                errors.Secret(DynamicsSettings.ClientKeyName, required: d.Enabled);
                errors.Url(nameof(d.InstanceUrl), d.InstanceUrl, required: d.Enabled);
                errors.Url(nameof(d.AuthorizationUrl), d.AuthorizationUrl, required: d.Enabled);
                errors.Url(nameof(d.TokenUrl), d.TokenUrl, required: d.Enabled);
                errors.Range(nameof(d.RequestTimeoutSeconds), d.RequestTimeoutSeconds, 1, 120);
                errors.Range(nameof(d.MaxConcurrentRequests), d.MaxConcurrentRequests, 1, 100);
                break;
            case CsiSettings c:
                var ftpNeeded = c.Enabled && (c.SendAcdStatistics || c.SendSessionRecordings || c.SendSessionTranscript);
                errors.HostOrUrl(nameof(c.InstanceAddress), c.InstanceAddress, required: c.Enabled && c.SendChangeEvents);
                errors.Secret(CsiSettings.DeveloperKeyName, required: c.Enabled && c.SendChangeEvents);
                errors.HostOrUrl(nameof(c.FtpHostname), c.FtpHostname, required: ftpNeeded, allowUrl: false);
                errors.Text(nameof(c.FtpUsername), c.FtpUsername, required: ftpNeeded);
                errors.Secret(CsiSettings.FtpPasswordName, required: ftpNeeded);
                if (c.DisabledQueues is null)
                {
                    errors.Add(nameof(c.DisabledQueues), "must be a list (empty for none)");
                    break;
                }

                if (c.DisabledQueues.Any(string.IsNullOrWhiteSpace))
                {
                    errors.Add(nameof(c.DisabledQueues), "must not contain an empty queue name");
                }

                if (c.DisabledQueues.GroupBy(q => q?.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
                {
                    errors.Add(nameof(c.DisabledQueues), $"lists queue '{duplicate.Key}' more than once");
                }

                break;
            case PlatformSettings p:
                errors.Url(nameof(p.AdminWebsiteBaseUrl), p.AdminWebsiteBaseUrl, required: false);
                errors.Text(nameof(p.RecordingsRoot), p.RecordingsRoot, required: false);
                if (p.RecordingsRoot is { Length: > 0 } root && !Path.IsPathRooted(root)
                    && !(Uri.TryCreate(root, UriKind.Absolute, out var rootUri) && rootUri.Scheme is "http" or "https"))
                {
                    errors.Add(nameof(p.RecordingsRoot), "must be an absolute folder path or an http(s) URL");
                }

                break;
        }

        return errors.List;
    }

    private sealed class Errors(IReadOnlySet<string> secretsSet)
    {
        public List<SettingError> List { get; } = [];

        public void Add(string field, string message) => List.Add(new SettingError { Field = field, Message = message });

        public void Text(string field, string? value, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    Add(field, "is required when the integration is enabled");
                }
            }
            else if (value.Length > MaxTextLength)
            {
                Add(field, $"is {value.Length} characters long; at most {MaxTextLength} are allowed");
            }
            else if (value.Any(char.IsControl))
            {
                Add(field, "must not contain control characters");
            }
        }

        public void Secret(string field, bool required)
        {
            if (required && !secretsSet.Contains(field))
            {
                Add(field, "is required when the integration is enabled (and no value is stored)");
            }
        }

        public void Url(string field, string? value, bool required)
        {
            Text(field, value, required);
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxTextLength)
            {
                return;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                Add(field, $"'{value}' is not an absolute https URL");
            }
            else if (uri.Scheme == "http" && !uri.IsLoopback)
            {
                // Plain http would send tokens and secrets in clear text; only test doubles on this machine may use it.
                Add(field, $"'{value}' must use https (http is accepted for loopback addresses only)");
            }
        }

        public void HostOrUrl(string field, string? value, bool required, bool allowUrl = true)
        {
            Text(field, value, required);
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxTextLength)
            {
                return;
            }

            if (allowUrl && value.Contains("://"))
            {
                Url(field, value, required);
                return;
            }

            var host = value;
            var colon = value.LastIndexOf(':');
            if (colon > 0 && !value.EndsWith(']') && value.Count(ch => ch == ':') == 1)
            {
                host = value[..colon];
                if (!int.TryParse(value[(colon + 1)..], out var port) || port is < 1 or > 65535)
                {
                    Add(field, $"'{value}' has an invalid port");
                    return;
                }
            }

            if (Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
            {
                Add(field, $"'{value}' is not a host name or IP address{(allowUrl ? " (or http(s) URL)" : "")}");
            }
        }

        public void Range(string field, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                Add(field, $"is {value}; it must be between {min} and {max}");
            }
        }
    }
}
