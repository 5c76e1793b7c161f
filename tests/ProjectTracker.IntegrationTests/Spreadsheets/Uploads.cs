using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ProjectTracker.Api.Spreadsheets;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Spreadsheets;

/// <summary>Uploading spreadsheets as staff do, and waiting for the import to end.</summary>
public static class Uploads
{
    public static MultipartFormDataContent File(byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    public static byte[] Csv(string text, Encoding? encoding = null) => (encoding ?? new UTF8Encoding(true)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(text)).ToArray();

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] content, string fileName, string query = "") =>
        client.PostAsync($"/api/imports{query}", File(content, fileName), TestContext.Current.CancellationToken);

    /// <summary>Uploads, expects 202 with a Location, and polls it until the import ends.</summary>
    public static async Task<ImportStatus> ImportAsync(HttpClient client, byte[] content, string fileName, string query = "")
    {
        var response = await PostAsync(client, content, fileName, query);
        var accepted = await response.ReadAsync<ImportStatus>(HttpStatusCode.Accepted);
        Assert.Equal($"/api/imports/{accepted.Id}", response.Headers.Location?.AbsolutePath);
        return await WaitAsync(client, accepted.Id);
    }

    public static async Task<ImportStatus> WaitAsync(HttpClient client, long id)
    {
        // Generous: a shared CI machine can stall for a long while; a healthy import of these files takes a second.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var status = await (await client.GetAsync($"/api/imports/{id}", TestContext.Current.CancellationToken)).ReadAsync<ImportStatus>();
            if (status.State == ImportState.Failed) TestContext.Current.TestOutputHelper?.WriteLine($"import {id} failed: {status.Failure}");
            if (status.State is ImportState.Succeeded or ImportState.Rejected or ImportState.Failed) return status;
            Assert.True(DateTime.UtcNow < deadline, $"import {id} still {status.State}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
