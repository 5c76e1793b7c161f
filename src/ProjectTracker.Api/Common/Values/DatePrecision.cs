namespace ProjectTracker.Api.Common.Values;

/// <summary>How much of a date is known.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}
