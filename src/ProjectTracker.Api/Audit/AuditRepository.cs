using System.Globalization;
using System.Text.Json;
using Dapper;
using Npgsql;
using ProjectTracker.Api.Common.Data;

namespace ProjectTracker.Api.Audit;

/// <summary>Reads the audit trail (it is written only through <see cref="AuditLog"/>).</summary>
public sealed class AuditRepository(Database database)
{
    private const string SelectEntries = """
        SELECT id, recorded_at, actor_key_id, actor_name, action, entity_type, entity_id, before::text AS before, after::text AS after, request_id
        FROM audit_log
        """;

    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            {SelectEntries}
            WHERE id > @after
              AND (@from::timestamptz IS NULL OR recorded_at >= @from)
              AND (@to::timestamptz IS NULL OR recorded_at < @to)
              AND (@actor::text IS NULL OR actor_name = @actor OR actor_key_id = @actorKeyId)
              AND (@action::text IS NULL OR action = @action)
              AND (@entityType::text IS NULL OR entity_type = @entityType)
            ORDER BY id
            LIMIT @limit
            """;
        var limit = query.Limit ?? AuditQuery.DefaultLimit;
        long? actorKeyId = long.TryParse(query.Actor, NumberStyles.None, CultureInfo.InvariantCulture, out var keyId) ? keyId : null;
        await using var connection = await database.QueryAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql, new
        {
            after = query.After ?? 0,
            from = query.From,
            to = query.To,
            actor = query.Actor,
            actorKeyId,
            action = query.Action,
            entityType = query.EntityType,
            limit = limit + 1,
        }, cancellationToken: cancellationToken))).Select(row => row.ToEntry()).ToList();
        long? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(rows.Count - 1);
            next = rows[^1].Id;
        }
        return new AuditPage(rows, next);
    }

    /// <summary>Every write to one project, oldest first; null when there is no such project.</summary>
    public async Task<IReadOnlyList<AuditEntry>?> ForProjectAsync(long id, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            SELECT EXISTS (SELECT 1 FROM projects WHERE id = @id);
            {SelectEntries}
            WHERE entity_type = '{AuditActions.ProjectEntity}' AND entity_id = @id
            ORDER BY id;
            """;
        await using var connection = await database.ReadAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { id }, cancellationToken: cancellationToken));
        if (!await results.ReadSingleAsync<bool>()) return null;
        return (await results.ReadAsync<Row>()).Select(row => row.ToEntry()).ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public DateTime RecordedAt { get; init; }
        public long? ActorKeyId { get; init; }
        public string ActorName { get; init; } = "";
        public string Action { get; init; } = "";
        public string EntityType { get; init; } = "";
        public long? EntityId { get; init; }
        public string? Before { get; init; }
        public string? After { get; init; }
        public string? RequestId { get; init; }

        public AuditEntry ToEntry() => new(Id, RecordedAt.AsUtc(), ActorKeyId, ActorName, Action, EntityType, EntityId,
            Parse(Before), Parse(After), RequestId);

        private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
    }
}
