namespace ProjectTracker.Api.Common.Writes;

/// <summary>
/// What became of a write: saved (with what was written), deleted, or why not. Every write's repository answers with
/// one, and <see cref="WriteResults"/> turns it into the HTTP answer, so a refusal means the same everywhere.
/// </summary>
public abstract record WriteOutcome<T>
{
    private WriteOutcome()
    {
    }

    public sealed record Saved(T Value) : WriteOutcome<T>;

    public sealed record Deleted : WriteOutcome<T>;

    /// <summary>No such record (404); <paramref name="Field"/> when it was named in the request body (400 on that field).</summary>
    public sealed record NotFound(string Detail, string? Field = null) : WriteOutcome<T>;

    /// <summary>If-Match named another version than the stored one (412, with the current ETag).</summary>
    public sealed record Stale(string What, int CurrentVersion) : WriteOutcome<T>;

    /// <summary>The request conflicts with what is stored (409): <paramref name="Rule"/> names the rule, for clients and tests.</summary>
    public sealed record Refused(string Rule, string Detail) : WriteOutcome<T>;

    /// <summary>A field is invalid given what is stored (400 on that field).</summary>
    public sealed record Invalid(string Field, string Message) : WriteOutcome<T>;

    /// <summary>The same name is already recorded in the place (409, linking to it); <paramref name="At"/>: which part of the request.</summary>
    public sealed record Duplicate(long ExistingId, string ExistingPath, string Detail, string? At = null) : WriteOutcome<T>;

    /// <summary>The API key may not write there (403).</summary>
    public sealed record Forbidden(string Detail) : WriteOutcome<T>;

    /// <summary>Whether the write happened (and its transaction is to be committed).</summary>
    public bool Succeeded => this is Saved or Deleted;

    /// <summary>
    /// The same refusal as the outcome of a larger write of which this was a part (a project of an event), its fields and
    /// details pointing at the part (<c>projects[3]</c>).
    /// </summary>
    public WriteOutcome<TWhole> AsPartOf<TWhole>(string at, string? describe = null)
    {
        var which = describe ?? at;
        return this switch
        {
            NotFound(var detail, var field) => new WriteOutcome<TWhole>.NotFound(detail, $"{at}.{field ?? "id"}"),
            Stale(var what, var version) => new WriteOutcome<TWhole>.Refused("stale", $"{which}: {what} changed since it was read (now version {version})."),
            Refused(var rule, var detail) => new WriteOutcome<TWhole>.Refused(rule, $"{which}: {detail}"),
            Invalid(var field, var message) => new WriteOutcome<TWhole>.Invalid($"{at}.{field}", message),
            Duplicate(var id, var path, var detail, _) => new WriteOutcome<TWhole>.Duplicate(id, path, $"{at}: {detail}", at),
            Forbidden(var detail) => new WriteOutcome<TWhole>.Forbidden($"{which}: {detail}"),
            _ => throw new InvalidOperationException($"{GetType().Name} is not a refusal"),
        };
    }
}
