using System.Data.Common;
using System.Text.Json;
using Dapper;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common;

namespace ProjectTracker.Api.Audit;

/// <summary>
/// Appends to the audit trail inside the caller's transaction, so a write and its audit record commit
/// or roll back together. The table refuses updates and deletes (a trigger), so the trail is append-only.
/// </summary>
public static class AuditLog
{
    public static Task AppendAsync(DbConnection connection, DbTransaction transaction, Actor actor, string action, string entityType, long? entityId,
        object? before, object? after, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO audit_log (actor_key_id, actor_name, action, entity_type, entity_id, before, after, request_id)
            VALUES (@keyId, @name, @action, @entityType, @entityId, @before::jsonb, @after::jsonb, @requestId)
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            keyId = actor.KeyId,
            name = actor.Name,
            action,
            entityType,
            entityId,
            before = before is null ? null : JsonSerializer.Serialize(before, ApiServices.Json),
            after = after is null ? null : JsonSerializer.Serialize(after, ApiServices.Json),
            requestId = actor.RequestId,
        }, transaction, cancellationToken: cancellationToken));
    }

}
