namespace ProjectTracker.Api.Auth;

/// <summary>The <c>Auth</c> section of the configuration.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Whether reads (GET) need no key. Writes always need one.</summary>
    public bool AnonymousRead { get; set; }

    /// <summary>
    /// The secret that keys the hash of every API key (HMAC-SHA256). Keep it out of the database:
    /// a stolen copy of <c>api_keys</c> is then useless without it. Changing it invalidates every key.
    /// </summary>
    public string? KeyPepper { get; set; }

    /// <summary>How long a verified key is trusted without asking the database again; a revocation reaches other instances within it.</summary>
    public int KeyCacheSeconds { get; set; } = 10;
}
