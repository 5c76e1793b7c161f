using Dapper;
using Npgsql;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Data;

namespace ProjectTracker.Api.ReferenceData;

public sealed class PlaceRepository(Database database)
{
    /// <summary>Places, optionally of one kind and/or within one place (at any depth), ordered by code.</summary>
    public async Task<IReadOnlyList<Place>> ListAsync(PlaceQuery query, CancellationToken cancellationToken)
    {
        const string Sql = """
            WITH RECURSIVE within AS (
                SELECT code FROM places WHERE @within::text IS NULL OR code = @within OR slug = @within
                UNION
                SELECT child.code FROM places child JOIN within ON child.parent_code = within.code
                WHERE @within::text IS NOT NULL
            )
            SELECT p.code, p.slug, p.name_zh, p.name_en, p.kind, p.parent_code
            FROM places p
            WHERE p.code IN (SELECT code FROM within)
              AND (@kind::place_kind IS NULL OR p.kind = @kind::place_kind)
            ORDER BY p.code
            """;
        await using var connection = await database.ReadAsync(cancellationToken);
        var places = await connection.QueryAsync<Place>(new CommandDefinition(Sql,
            new { within = query.Within, kind = query.Kind is { } kind ? EnumNames.Of(kind) : null }, cancellationToken: cancellationToken));
        return places.AsList();
    }
}
