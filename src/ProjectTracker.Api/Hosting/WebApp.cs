namespace ProjectTracker.Api.Hosting;

/// <summary>
/// The web app (wwwroot/): static files served at <c>/</c> before authentication, since they hold no data — every figure
/// comes from the public API with the user's key. Browsers revalidate each file (ETag → 304), so a new release shows at once.
/// </summary>
public static class WebApp
{
    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
