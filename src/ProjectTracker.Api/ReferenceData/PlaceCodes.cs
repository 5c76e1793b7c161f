namespace ProjectTracker.Api.ReferenceData;

/// <summary>The shapes of place identifiers; the same patterns guard the <c>places</c> table.</summary>
public static class PlaceCodes
{
    public const string CodeOrSlugPattern = "^([0-9]{6}(Z[0-9]{2})?|[a-z][a-z0-9-]{1,39})$";
}
