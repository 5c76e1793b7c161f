namespace ProjectTracker.Api.ReferenceData;

/// <summary>An industrial park (园区) or new town, in one place.</summary>
/// <param name="Code">Stable code, e.g. miaoshan.</param>
/// <param name="NameZh">e.g. 庙山产业园区.</param>
/// <param name="NameEn">e.g. Miaoshan Industrial Park.</param>
/// <param name="PlaceCode">The place the park lies in.</param>
public sealed record Park(string Code, string NameZh, string NameEn, string PlaceCode);

/// <summary>A sector: a municipal category (先进制造业 …) when CategoryCode is null, otherwise an industry within one.</summary>
public sealed record Sector(string Code, string? CategoryCode, string NameZh, string NameEn, int SortOrder);

/// <summary>A source document the recorded facts come from.</summary>
public sealed record SourceDocument(string Code, string Title, string? Publisher, PartialDate? PublishedOn, string? FileName);

/// <summary>A reference to a place, park or sector with its names, as shown inside other resources.</summary>
/// <param name="Code">Its code.</param>
/// <param name="NameZh">Its Chinese name.</param>
/// <param name="NameEn">Its English name; null for the places the official list gives no English name.</param>
public sealed record NamedRef(string Code, string NameZh, string? NameEn);
