using System.Text.Json.Serialization;
using NpgsqlTypes;

namespace ProjectTracker.Api.Common.Values;

/// <summary>Currency of an amount. Amounts are in 亿 (100,000,000) of it.</summary>
public enum Currency
{
    [JsonStringEnumMemberName("CNY")]
    [PgName("CNY")]
    Cny,

    [JsonStringEnumMemberName("USD")]
    [PgName("USD")]
    Usd,
}
