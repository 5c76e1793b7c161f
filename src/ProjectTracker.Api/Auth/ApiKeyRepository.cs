using Dapper;
using ProjectTracker.Api.Common.Writes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Api.Common.Data;

namespace ProjectTracker.Api.Auth;

/// <summary>API keys in the database: only their keyed hashes.</summary>
public sealed class ApiKeyRepository(Database database, ReferenceCatalog referenceData, IMemoryCache cache, IOptions<AuthOptions> options)
{
    private const string SelectKeys = """
        SELECT id, name, role, place_codes, created_at, created_by, revoked_at
        FROM api_keys
        """;

    /// <summary>Creates a key and returns it with its secret, which is not stored and cannot be shown again.</summary>
    public async Task<CreatedApiKey> CreateAsync(ApiKeyRequest request, Actor actor, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO api_keys (lookup, hash, name, role, place_codes, created_by)
            VALUES (@lookup, @hash, @name, @role::api_role, @placeCodes, @createdBy)
            RETURNING id, name, role, place_codes, created_at, created_by, revoked_at
            """;
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var placeCodes = (request.Districts ?? []).Select(district => reference.FindPlace(district)!.Code).Distinct().Order(StringComparer.Ordinal).ToArray();
        var (token, lookup) = ApiKeyToken.Generate();

        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleAsync<KeyRow>(new CommandDefinition(Sql, new
            {
                lookup,
                hash = ApiKeyToken.Hash(token, options.Value.KeyPepper),
                name = request.Name,
                role = Common.EnumNames.Of(request.Role!.Value),
                placeCodes,
                createdBy = actor.Name,
            }, transaction, cancellationToken: cancellationToken));
            var key = row.ToKey();
            await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.KeyCreated, AuditActions.ApiKeyEntity, key.Id, null, key, cancellationToken);
            return new CreatedApiKey(key, token);
        }, _ => true, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(bool includeRevoked, CancellationToken cancellationToken)
    {
        const string Sql = $"{SelectKeys}\nWHERE @includeRevoked OR revoked_at IS NULL\nORDER BY id";
        await using var connection = await database.ReadAsync(cancellationToken);
        return (await connection.QueryAsync<KeyRow>(new CommandDefinition(Sql, new { includeRevoked }, cancellationToken: cancellationToken)))
            .Select(row => row.ToKey()).ToList();
    }

    public async Task<ApiKey?> GetAsync(long id, CancellationToken cancellationToken)
    {
        const string Sql = $"{SelectKeys}\nWHERE id = @id";
        await using var connection = await database.ReadAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(Sql, new { id }, cancellationToken: cancellationToken)))?.ToKey();
    }

    /// <summary>Revokes a key (one already revoked stays as it was).</summary>
    public async Task<WriteOutcome<ApiKey>> RevokeAsync(long id, Actor actor, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE api_keys SET revoked_at = now(), revoked_by = @revokedBy
            WHERE id = @id AND revoked_at IS NULL
            RETURNING id, lookup, name, role, place_codes, created_at, created_by, revoked_at
            """;
        string? revokedLookup = null;
        var outcome = await database.InTransactionAsync<WriteOutcome<ApiKey>>(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(Sql, new { id, revokedBy = actor.Name }, transaction, cancellationToken: cancellationToken));
            if (row is null)
            {
                var existing = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition($"{SelectKeys}\nWHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
                return existing is null ? new WriteOutcome<ApiKey>.NotFound($"There is no API key {id}.") : new WriteOutcome<ApiKey>.Saved(existing.ToKey());
            }
            var revoked = row.ToKey();
            await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.KeyRevoked, AuditActions.ApiKeyEntity, id, revoked with { RevokedAt = null }, revoked, cancellationToken);
            revokedLookup = row.Lookup;
            return new WriteOutcome<ApiKey>.Saved(revoked);
        }, outcome => outcome.Succeeded, cancellationToken);
        // Only once the revocation is committed: a request between would read the key as valid and cache it again.
        if (revokedLookup is not null) cache.Remove(ApiKeyVerifier.CacheKey(revokedLookup));
        return outcome;
    }

    /// <summary>The stored key a presented token names, revoked or not; null when the lookup is unknown.</summary>
    internal async Task<StoredKey?> FindAsync(string lookup, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT id, hash, name, role, place_codes, revoked_at FROM api_keys WHERE lookup = @lookup";
        await using var connection = await database.ReadAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredKey>(new CommandDefinition(Sql, new { lookup }, cancellationToken: cancellationToken));
    }

    internal sealed class StoredKey
    {
        public long Id { get; init; }
        public byte[] Hash { get; init; } = [];
        public string Name { get; init; } = "";
        public ApiRole Role { get; init; }
        public string[] PlaceCodes { get; init; } = [];
        public DateTime? RevokedAt { get; init; }
    }

    private sealed class KeyRow
    {
        public long Id { get; init; }
        public string Lookup { get; init; } = "";
        public string Name { get; init; } = "";
        public ApiRole Role { get; init; }
        public string[] PlaceCodes { get; init; } = [];
        public DateTime CreatedAt { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTime? RevokedAt { get; init; }

        public ApiKey ToKey() => new(Id, Name, Role, PlaceCodes, CreatedAt.AsUtc(), CreatedBy, RevokedAt?.AsUtc());
    }
}
