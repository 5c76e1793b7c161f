using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ProjectTracker.Api.Intake;

/// <summary>
/// The text of an uploaded document, one paragraph a line (the extractor reads paragraphs as the text's structure): .txt
/// (UTF-8, or GB18030 as Chinese Windows saves it), .html (the page's paragraphs, headings, list items and cells; its
/// &lt;title&gt; as the title) and .docx (its paragraphs).
/// </summary>
public static class DocumentFiles
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public static readonly string[] Extensions = [".txt", ".html", ".htm", ".docx"];

    static DocumentFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text and (for HTML) the title; null when the file is not one of <see cref="Extensions"/> or cannot be read as one.</summary>
    public static async Task<(string Text, string? Title)?> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        try
        {
            return extension switch
            {
                ".txt" => (Decode(bytes), null),
                ".html" or ".htm" => await HtmlAsync(Decode(bytes), cancellationToken),
                ".docx" => (Docx(bytes), null),
                _ => null,
            };
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.IO.FileFormatException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 when the bytes are UTF-8 (with or without a byte-order mark), else GB18030.</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static async Task<(string, string?)> HtmlAsync(string html, CancellationToken cancellationToken)
    {
        var document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken);
        foreach (var hidden in document.QuerySelectorAll("script, style, noscript")) hidden.Remove();
        var blocks = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6, p, li, td, th, pre")
            .Where(element => element.QuerySelector("p, li, td, th, pre, h1, h2, h3, h4, h5, h6") is null)
            .Select(element => Squeezed(element.TextContent))
            .Where(text => text.Length > 0)
            .ToList();
        var text = blocks.Count > 0 ? string.Join('\n', blocks) : Squeezed(document.Body?.TextContent ?? "");
        var title = Squeezed(document.Title ?? "");
        return (text, title.Length > 0 ? title : null);
    }

    private static string Docx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var word = WordprocessingDocument.Open(stream, isEditable: false);
        var body = word.MainDocumentPart?.Document?.Body;
        return body is null ? "" : string.Join('\n', body.Descendants<W.Paragraph>().Select(paragraph => paragraph.InnerText.Trim()).Where(text => text.Length > 0));
    }

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}
