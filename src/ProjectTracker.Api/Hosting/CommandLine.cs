using ProjectTracker.Api.Common;
using System.CommandLine;
using FluentValidation;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Common.Writes;
using ProjectTracker.Api.Seeds;

namespace ProjectTracker.Api.Hosting;

/// <summary>
/// Maintenance commands run by the API binary instead of serving HTTP:
/// <c>dotnet run --project src/ProjectTracker.Api -- migrate</c>.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Names = ["migrate", "seed", "create-key", "list-keys", "revoke-key", "openapi"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static bool WritesDocumentOnly(string[] args) => args.Length > 0 && args[0] == "openapi";

    private static readonly Actor Operator = Actor.Command("command line");

    private static Command CreateKey(WebApplication app)
    {
        var role = new Option<ApiRole>("--role") { Description = "viewer, editor or admin.", Required = true };
        var name = new Option<string>("--name") { Description = "Whose key it is.", Required = true };
        var districts = new Option<string[]>("--district") { Description = "A place code or slug the key may write (repeatable); none means everywhere.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("create-key", "Create an API key and print it (the only time it is shown).") { role, name, districts };
        command.SetAction(async (parse, cancellationToken) =>
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
            var request = new ApiKeyRequest { Name = parse.GetValue(name), Role = parse.GetValue(role), Districts = parse.GetValue(districts) };
            var validation = await app.Services.GetRequiredService<IValidator<ApiKeyRequest>>().ValidateAsync(request, cancellationToken);
            if (!validation.IsValid)
            {
                foreach (var error in validation.Errors) await Console.Error.WriteLineAsync(error.ErrorMessage);
                return 2;
            }
            var created = await app.Services.GetRequiredService<ApiKeyRepository>().CreateAsync(request, Operator, cancellationToken);
            await Console.Error.WriteLineAsync($"Created key {created.Key.Id} ({EnumNames.Of(created.Key.Role)}) for {created.Key.Name}" +
                (created.Key.Districts.Count > 0 ? $", limited to {string.Join(", ", created.Key.Districts)}" : "") + ". Store it now; it cannot be shown again:");
            Console.WriteLine(created.Secret);
            return 0;
        });
        return command;
    }

    private static Command ListKeys(WebApplication app)
    {
        var command = new Command("list-keys", "List the API keys (never their secrets).");
        command.SetAction(async (_, cancellationToken) =>
        {
            foreach (var key in await app.Services.GetRequiredService<ApiKeyRepository>().ListAsync(includeRevoked: true, cancellationToken))
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"{key.Id}\t{EnumNames.Of(key.Role)}\t{key.Name}\t{(key.Districts.Count == 0 ? "*" : string.Join(",", key.Districts))}\t{(key.RevokedAt is null ? "active" : $"revoked {key.RevokedAt:u}")}"));
            }
            return 0;
        });
        return command;
    }

    private static Command RevokeKey(WebApplication app)
    {
        var id = new Option<long>("--id") { Description = "The key's id (see list-keys).", Required = true };
        var command = new Command("revoke-key", "Revoke an API key.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await app.Services.GetRequiredService<ApiKeyRepository>().RevokeAsync(parse.GetValue(id), Operator, cancellationToken)
                is not WriteOutcome<ApiKey>.Saved(var revoked))
            {
                await Console.Error.WriteLineAsync($"There is no API key {parse.GetValue(id)}.");
                return 1;
            }
            Console.WriteLine($"Key {revoked.Id} ({revoked.Name}) is revoked.");
            return 0;
        });
        return command;
    }

    private static Command OpenApiDocument(WebApplication app)
    {
        var output = new Option<FileInfo?>("--output") { Description = "The file to write (default: standard output)." };
        var server = new Option<string>("--server") { Description = "The server URL the document names.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("openapi", "Write the OpenAPI document (JSON, as /swagger/v1/swagger.json serves it) without a database.") { output, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = app.Services.GetRequiredService<Swashbuckle.AspNetCore.Swagger.ISwaggerProvider>().GetSwagger("v1");
            document.Servers = [OpenApi.SwaggerSetup.Server(parse.GetValue(server)!, app.Environment.EnvironmentName)];
            await using var stream = parse.GetValue(output) is { } file ? file.Create() : Console.OpenStandardOutput();
            await Microsoft.OpenApi.OpenApiSerializableExtensions.SerializeAsJsonAsync(document, stream, OpenApi.SwaggerSetup.Version, cancellationToken);
            return 0;
        });
        return command;
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var migrate = new Command("migrate", "Apply pending database migrations and exit.");
        migrate.SetAction(_ =>
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
            return 0;
        });

        var seed = new Command("seed", "Load the seed data from seeds/ (idempotent: a second run changes nothing) and exit.");
        seed.SetAction(async (_, cancellationToken) =>
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
            var result = await app.Services.GetRequiredService<SeedLoader>().LoadAsync(cancellationToken);
            Console.WriteLine($"{result.ProjectsInSeeds} projects ({result.ProjectsInserted} new), {result.Sources} source references, " +
                              $"{result.Batches} reported batches, {result.Targets} targets, {result.Documents} documents");
            return 0;
        });

        var root = new RootCommand("ProjectTracker maintenance commands") { migrate, seed, CreateKey(app), ListKeys(app), RevokeKey(app), OpenApiDocument(app) };
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {StartupTasks.Describe(e)}");
            return 1;
        }
    }
}
