using System.Security.Cryptography;
using ProjectTracker.Api.Auth;

namespace ProjectTracker.Api.Spreadsheets;

/// <summary>Takes an uploaded file: keeps it on disk, checks that it is a spreadsheet with known columns, and queues it.</summary>
public sealed class ImportUploads(ImportRepository imports, ImportWorker worker, Microsoft.Extensions.Options.IOptions<ImportOptions> options)
{
    public abstract record Outcome
    {
        public sealed record Accepted(ImportStatus Status) : Outcome;
        /// <summary>The file is not something that can be imported; nothing was kept.</summary>
        public sealed record Refused(string[] Problems) : Outcome;
    }

    public async Task<Outcome> AcceptAsync(IFormFile file, ImportMode mode, bool allowDuplicates, Actor actor, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx" or ".txt" or ""))
        {
            return new Outcome.Refused([$"'{extension}' files cannot be imported: save the sheet as .xlsx or .csv (UTF-8)."]);
        }

        Directory.CreateDirectory(options.Value.Folder);
        var path = Path.Combine(options.Value.Folder, $"{Guid.NewGuid():N}{extension}");
        byte[] sha256;
        SheetFormat format;
        await using (var saved = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        await using (var upload = file.OpenReadStream())
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            var first = new byte[4];
            var firstCount = 0;
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                for (var i = 0; i < read && firstCount < first.Length; i++) first[firstCount++] = buffer[i];
                hash.AppendData(buffer, 0, read);
                await saved.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            sha256 = hash.GetHashAndReset();
            format = SheetReader.Detect(first.AsSpan(0, firstCount));
        }

        try
        {
            if (extension == ".xlsx" && format != SheetFormat.Xlsx) return Refuse(path, "the file is named .xlsx but is not an Excel workbook.");
            string[] problems;
            try
            {
                using var reader = SheetReader.Open(path, format);
                problems = reader.Headers.Count == 0 ? ["the file is empty: the first row must name the columns."] : [.. ProjectImporter.MapHeader(reader.Headers).Problems];
            }
            catch (Exception e) when (e is InvalidDataException or IOException or CsvHelper.CsvFormatException or InvalidOperationException)
            {
                problems = [$"the file cannot be read as {(format == SheetFormat.Xlsx ? "an Excel workbook" : "CSV")}: {e.Message}"];
            }
            if (problems.Length > 0) return Refuse(path, problems);

            var status = await imports.CreateAsync(new ImportRepository.NewImport(Path.GetFileName(file.FileName), format, sha256, file.Length, mode, allowDuplicates), actor, cancellationToken);
            worker.Enqueue(status.Id, path);
            return new Outcome.Accepted(status);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static Outcome.Refused Refuse(string path, params string[] problems)
    {
        File.Delete(path);
        return new Outcome.Refused(problems);
    }
}
