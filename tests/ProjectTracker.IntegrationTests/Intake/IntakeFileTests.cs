using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ProjectTracker.Api.Intake;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Intake;

public sealed class IntakeFileTests(TestDatabase database) : DatabaseTests(database)
{
    private const string Signing = "2月1日,江夏区政府与湖北浩川水利水电工程有限公司签订合作协议,推进浩川水利总部项目落地。";

    static IntakeFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string fileName, string? title = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (title is not null) form.Add(new StringContent(title), "title");
        form.Add(new StringContent("2023-02-11"), "publishedOn");
        return await Client().PostAsync("/api/intake/files", form, Cancellation);
    }

    [Fact]
    public async Task ATextFileInGb18030IsReadLikeAPastedText()
    {
        var document = await (await UploadAsync(Encoding.GetEncoding("GB18030").GetBytes(Signing), "江夏签约.txt")).ReadAsync<IntakeDocument>(HttpStatusCode.Created);

        Assert.Equal(("江夏签约", Signing), (document.Title, document.Text));
        Assert.Equal("浩川水利总部项目", Assert.Single(document.Drafts).Project.NameZh);
    }

    [Fact]
    public async Task AnHtmlPageGivesItsParagraphsAndItsTitle()
    {
        const string Html = $"<html><head><title>新春开局,江夏很拼!</title><script>var x = '某某项目签约';</script></head><body><h1>开工签约</h1><p>{Signing}</p></body></html>";

        var document = await (await UploadAsync(Encoding.UTF8.GetBytes(Html), "page.html")).ReadAsync<IntakeDocument>(HttpStatusCode.Created);

        Assert.Equal(("新春开局,江夏很拼!", "开工签约\n" + Signing), (document.Title, document.Text));
        var draft = Assert.Single(document.Drafts);
        Assert.Equal(document.Text[draft.Quote.Start..draft.Quote.End], draft.Quote.Text);
    }

    [Fact]
    public async Task AWordDocumentGivesItsParagraphs()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(new Run(new Text("开工签约"))), new Paragraph(new Run(new Text(Signing)))));
        }

        var document = await (await UploadAsync(stream.ToArray(), "report.docx", title: "江夏简报")).ReadAsync<IntakeDocument>(HttpStatusCode.Created);

        Assert.Equal(("江夏简报", "开工签约\n" + Signing), (document.Title, document.Text));
        Assert.Single(document.Drafts);
    }

    [Theory]
    [InlineData("notes.pdf")]
    [InlineData("broken.docx")]
    public async Task WhatIsNotAReadableTextHtmlOrWordFileIsRefusedNamingTheFile(string fileName)
    {
        using var problem = await Problems.ReadAsync(await UploadAsync("不是文档"u8.ToArray(), fileName), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, "file"));
    }
}
