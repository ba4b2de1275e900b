using StackExchange.Redis;

namespace Sweep.Silo.Hosting;

/// <summary>
/// Reads a Redis address in either form users bring: StackExchange.Redis's own
/// (<c>HOST:PORT[,password=...,ssl=true]</c>) or a URI (<c>redis://[USER:PASSWORD@]HOST[:PORT]</c>, <c>rediss://</c>
/// for TLS). StackExchange.Redis alone would take a URI for a host name, password and all.
/// </summary>
public static class RedisAddress
{
    private const int DefaultPort = 6379;

    /// <exception cref="FormatException">
    /// Not a Redis address; the message says why and never quotes a password.
    /// </exception>
    public static ConfigurationOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var options = IsUri(text) ? FromUri(new Uri(text)) : ConfigurationOptions.Parse(text);
            options.SetDefaultPorts();
            return options;
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or RedisConnectionException)
        {
            var reason = e.Message.Split('\n', 2)[0].Replace(" (Parameter 'port')", string.Empty).TrimEnd();
            throw new FormatException(
                $"not a Redis address ({reason}); give HOST:PORT[,password=...] or redis://[:PASSWORD@]HOST[:PORT]", e);
        }
    }

    private static bool IsUri(string text) =>
        text.StartsWith("redis://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase);

    private static ConfigurationOptions FromUri(Uri uri)
    {
        var options = new ConfigurationOptions
        {
            Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase),
        };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port);
        var user = Uri.UnescapeDataString(uri.UserInfo);
        var colon = user.IndexOf(':');
        if (colon >= 0)
        {
            options.User = colon > 0 ? user[..colon] : null;
            options.Password = user[(colon + 1)..];
        }
        else if (user.Length > 0)
        {
            options.Password = user; // redis://PASSWORD@HOST, as some tools write it
        }

        return options;
    }
}
