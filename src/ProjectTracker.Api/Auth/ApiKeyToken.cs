using System.Security.Cryptography;
using System.Text;

namespace ProjectTracker.Api.Auth;

/// <summary>
/// The form of an API key, <c>pt_&lt;lookup&gt;_&lt;secret&gt;</c>: a 10-character lookup that finds the stored
/// row and 256 random bits of secret. Only HMAC-SHA256(pepper, key) is stored. A slow password hash is not needed:
/// the keys are random, not chosen by people, so there is nothing to guess; and hashing runs on every request.
/// </summary>
public static class ApiKeyToken
{
    private const string Prefix = "pt_";
    private const int LookupLength = 10;
    private const int SecretLength = 43;
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    public static (string Token, string Lookup) Generate()
    {
        Span<char> lookup = stackalloc char[LookupLength];
        for (var i = 0; i < lookup.Length; i++) lookup[i] = Base32[RandomNumberGenerator.GetInt32(Base32.Length)];
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var lookupText = new string(lookup);
        return ($"{Prefix}{lookupText}_{secret}", lookupText);
    }

    /// <summary>The lookup part of a well-formed key; false for anything else (which is then refused without a database query).</summary>
    public static bool TryGetLookup(string? token, out string lookup)
    {
        lookup = "";
        if (token is null || token.Length != Prefix.Length + LookupLength + 1 + SecretLength || !token.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var lookupPart = token.AsSpan(Prefix.Length, LookupLength);
        if (token[Prefix.Length + LookupLength] != '_') return false;
        foreach (var c in lookupPart) if (!Base32.Contains(c)) return false;
        foreach (var c in token.AsSpan(Prefix.Length + LookupLength + 1)) if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        lookup = lookupPart.ToString();
        return true;
    }

    public static byte[] Hash(string token, string? pepper) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(pepper ?? ""), Encoding.UTF8.GetBytes(token));

    /// <summary>Compares in constant time, so the time taken says nothing about how much of a guess was right.</summary>
    public static bool Matches(string token, byte[] storedHash, string? pepper) =>
        CryptographicOperations.FixedTimeEquals(Hash(token, pepper), storedHash);
}
