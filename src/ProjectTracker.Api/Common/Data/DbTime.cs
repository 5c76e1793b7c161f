namespace ProjectTracker.Api.Common.Data;

public static class DbTime
{
    /// <summary>A <c>timestamptz</c> as read (a UTC <see cref="DateTime"/>) as the instant the API shows.</summary>
    public static DateTimeOffset AsUtc(this DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
