namespace ProjectTracker.Api.ReferenceData;

/// <summary>What a place is in the administrative hierarchy.</summary>
public enum PlaceKind
{
    Province,
    City,
    District,
    County,
    /// <summary>A development zone (开发区/高新区/新区): not an administrative division; its parent is the division it sits in.</summary>
    DevelopmentZone,
}

/// <summary>A province, city, district/county or development zone.</summary>
/// <param name="Code">GB/T 2260 code (e.g. 420115), or for a development zone the code of the division it sits in + Z + two digits (e.g. 420100Z01).</param>
/// <param name="Slug">Short Latin name usable instead of the code (e.g. jiangxia); only the project's first places have one.</param>
/// <param name="NameZh">Chinese name, e.g. 江夏区.</param>
/// <param name="ShortZh">Short Chinese name, as people write it: 江夏 for 江夏区, 恩施 for 恩施土家族苗族自治州.</param>
/// <param name="NameEn">English name, e.g. Jiangxia District, where one is known (the official list has none).</param>
/// <param name="Kind">Level in the hierarchy.</param>
/// <param name="ParentCode">The place this one belongs to; null for a province.</param>
public sealed record Place(string Code, string? Slug, string NameZh, string ShortZh, string? NameEn, PlaceKind Kind, string? ParentCode);
