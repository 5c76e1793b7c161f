using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.Dashboard;

/// <summary>The largest projects by effective amount, in one currency (CNY unless asked), largest first: the list, in amount order.</summary>
public sealed class DashboardTop(ProjectRepository projects)
{
    public async Task<IReadOnlyList<Project>> AskAsync(TopQuery query, CancellationToken cancellationToken)
    {
        var filter = query with { Currency = query.Currency ?? Currency.Cny, MinAmount = query.MinAmount ?? ProjectRules.SmallestAmount };
        var page = await projects.ListAsync(filter, ProjectSort.LargestFirst, query.Limit ?? 10, cursorText: null, includeTotal: false, cancellationToken);
        return page.Items;
    }
}
