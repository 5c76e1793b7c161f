using System.Reflection;
using Dapper;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Projects;

/// <summary>The one list of the projects table's columns (ProjectColumns) agrees with the table, the stored form and the read one.</summary>
public sealed class ProjectColumnsTests(TestDatabase database) : DatabaseTests(database)
{
    private sealed record TableColumn(string ColumnName, string DataType, string UdtName);

    private async Task<Dictionary<string, TableColumn>> TableAsync()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        return (await connection.QueryAsync<TableColumn>(
                """
                SELECT column_name AS "ColumnName", data_type AS "DataType", udt_name AS "UdtName"
                FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'projects'
                """))
            .ToDictionary(column => column.ColumnName);
    }

    [Fact]
    public async Task EveryColumnOfTheTableIsListedOnceAndTypedAsTheTableTypesIt()
    {
        var table = await TableAsync();
        var listed = ProjectColumns.Written.Select(column => column.Name).Concat(ProjectColumns.Bookkeeping).Concat(ProjectColumns.Unlisted).Append("id").ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(table.Keys.Order(), listed.Order());
        foreach (var column in ProjectColumns.Written)
        {
            var stored = table[column.Name];
            var expected = column.Cast ?? column.Type switch { "text[]" => "_text", "numeric" => "numeric", "date" => "date", "jsonb" => "jsonb", _ => "text" };
            Assert.True(expected == stored.UdtName, $"{column.Name}: listed as {expected}, the table has {stored.UdtName}");
        }
    }

    [Fact]
    public void TheStoredFormHasAPropertyForEveryWrittenColumnAndNoOther()
    {
        Assert.Equal(ProjectColumns.Written.Select(column => column.Property).Order(), Properties(typeof(ProjectWrite)).Order());
    }

    [Fact]
    public void TheReadFormHasAPropertyForEveryColumnReadAndNoOther()
    {
        var read = ProjectColumns.Written.Where(column => column.Read).Select(column => column.Property)
            .Concat(ProjectColumns.Bookkeeping.Select(name => new ProjectColumns.Column(name, "", null, (_, _) => { }).Property)).Append("Id");
        Assert.Equal(read.Order(), Properties(typeof(ProjectRow)).Order());
    }

    private static IEnumerable<string> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanRead && property.GetIndexParameters().Length == 0)
            .Select(property => property.Name);
}
