using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Events;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Hosting;
using ProjectTracker.Api.OpenApi;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Api.Indicators;
using ProjectTracker.Api.Seeds;
using ProjectTracker.Api.Spreadsheets;
using ProjectTracker.Api.Targets;

// Settings are read from beside the binaries, so `dotnet ProjectTracker.Api.dll` behaves the same from any folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (CommandLine.IsCommand(args))
{
    // A command's output (a new API key, say) is its standard output; the log goes to standard error.
    builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
}
if (CommandLine.WritesDocumentOnly(args) && string.IsNullOrEmpty(builder.Configuration.GetConnectionString("ProjectTracker")))
{
    // The OpenAPI document is made from the code alone; the services it reads (the validators) want a data source, which never connects.
    builder.Configuration["ConnectionStrings:ProjectTracker"] = "Host=127.0.0.1;Database=unused";
}
if (builder.Configuration["urls"] is null && builder.Configuration["http_ports"] is null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

// Request limits (body size above all) come from Kestrel:Limits; the defaults allow 30 MB bodies.
builder.WebHost.ConfigureKestrel(kestrel => builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));

builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddApi(builder.Configuration);
builder.Services.AddApiKeyAuth(builder.Configuration);
builder.Services.AddCorsFromConfiguration(builder.Configuration);
builder.Services.AddSwagger(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ReferenceCatalog>();
builder.Services.AddSingleton<PlaceRepository>();
builder.Services.AddSingleton<ReferenceDataRepository>();
builder.Services.AddSingleton<SearchStatistics>();
builder.Services.Configure<ProjectListOptions>(builder.Configuration.GetSection(ProjectListOptions.Section));
builder.Services.AddSingleton<ProjectRepository>();
builder.Services.AddSingleton<SeedLoader>();
builder.Services.AddSingleton<GroupedFigures>();
builder.Services.AddSingleton<DashboardTotals>();
builder.Services.AddSingleton<DashboardSeries>();
builder.Services.AddSingleton<DashboardTargets>();
builder.Services.AddSingleton<DashboardKpis>();
builder.Services.AddSingleton<DashboardStalled>();
builder.Services.AddSingleton<DashboardTop>();
builder.Services.AddSingleton<BatchRepository>();
builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));
builder.Services.AddSingleton<DashboardAnswers>();
builder.Services.AddSingleton<TargetRepository>();
builder.Services.AddSingleton<ReportedFigureRepository>();
builder.Services.AddSingleton<AuditRepository>();
builder.Services.AddSingleton<EventRepository>();
builder.Services.AddSingleton<ProjectTracker.Api.Intake.IntakeRepository>();
builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection(ImportOptions.Section));
builder.Services.AddSingleton<ImportRepository>();
builder.Services.AddSingleton<ProjectImporter>();
builder.Services.AddSingleton<ImportUploads>();
builder.Services.AddSingleton<ProjectExporter>();
builder.Services.AddSingleton<ImportWorker>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<ImportWorker>());

// Disposed on every way out, which flushes the console logger's queue: a refusal to start reaches the log before the exit.
await using var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseStatusCodePages();
app.UseWebApp();
app.UseSwaggerWhenEnabled();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapControllers();
app.MapHealthEndpoints();

if (!app.CheckPepper() || !await app.PrepareDatabaseAsync())
{
    return 1;
}
app.LogAddressesWhenStarted();
await app.RunAsync();
return 0;

/// <summary>The API's entry point; public so integration tests can host it.</summary>
public partial class Program;
