using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.Intake.Reading;

/// <summary>The stage a sentence puts its projects in, and the words that say so.</summary>
/// <param name="Status">The stage.</param>
/// <param name="Word">The word that states it (签约, 集中开工, 拟签约).</param>
/// <param name="At">Where the word stands in the text.</param>
public sealed record StatusCue(ProjectStatus Status, string Word, int At);

/// <summary>
/// Reads a project's stage from the words of its sentence: 拟签约, 意向, 洽谈, 力争 → intent; 签约, 签订, 落户, 引进 → signed;
/// 开工, 施工, 在建 → started; 竣工, 建成, 投产, 已完成 → completed. Intent words win (a planned signing is not a
/// signing), then the most advanced stage the sentence states; a stage set as a goal (确保年内建成) is an intent.
/// </summary>
public static class StatusReader
{
    private static readonly string[] Intent = ["拟签约", "拟落户", "拟投资", "意向", "洽谈", "力争", "争取", "计划引进", "谋划", "储备", "前期工作", "磋商", "对接", "交流", "交换意见", "考察", "走访", "拜访", "推动落地", "加快落地"];
    private static readonly string[] Completed = ["竣工", "建成投产", "建成", "投产", "完工", "已完成", "投入使用", "投用"];
    private static readonly string[] Started = ["正在推进", "正在建设", "有序推进", "启动建设", "集中开工", "开工", "动工", "开建", "施工", "在建"];
    private static readonly string[] Signed = ["集中签约", "签约", "签订", "签署", "协议", "落户", "落地", "引进", "引入", "揭牌", "成立", "入驻", "达成"];

    /// <summary>The stage text[start..end] states, if any; words inside <paramref name="names"/> do not count (交流 in "交流合作中心").</summary>
    public static StatusCue? Read(string text, int start, int end, IReadOnlyList<NameMention>? names = null)
    {
        var chars = text[start..end].ToCharArray();
        foreach (var name in names ?? [])
        {
            for (var i = Math.Max(name.Start, start); i < Math.Min(name.End, end); i++) chars[i - start] = '　';
        }
        var words = new string(chars);
        if (First(words, Intent) is { } intent) return new StatusCue(ProjectStatus.Intent, intent.Word, start + intent.At);
        foreach (var (status, cues) in new[] { (ProjectStatus.Completed, Completed), (ProjectStatus.Started, Started), (ProjectStatus.Signed, Signed) })
        {
            if (First(words, cues) is not { } cue) continue;
            return GoalBefore(words, cue.At) is { } goal ? new StatusCue(ProjectStatus.Intent, Goal, start + goal) : new StatusCue(status, cue.Word, start + cue.At);
        }
        return null;
    }

    /// <summary>Whether a stage has a date of its own, which the text may leave unsaid (开工, 竣工).</summary>
    public static bool NeedsDate(ProjectStatus status) => status is ProjectStatus.Started or ProjectStatus.Completed;

    private const string Goal = "确保";

    /// <summary>Where "确保" stands in the clause before a stage word ("确保A、B等项目建成投产"): the stage is a goal, not reached.</summary>
    private static int? GoalBefore(string words, int at)
    {
        var clauseStart = words.LastIndexOfAny(['，', ',', '；', ';', '。'], Math.Max(0, at - 1)) + 1;
        var goal = words[clauseStart..at].LastIndexOf(Goal, StringComparison.Ordinal);
        return goal >= 0 ? clauseStart + goal : null;
    }

    /// <summary>"建成后将成为…", "将开工": what will happen has not.</summary>
    private static bool IsFuture(string words, int at, int length) =>
        at + length < words.Length && words[at + length] == '后' || at > 0 && words[at - 1] == '将' || at > 1 && words.AsSpan(at - 2, 2) is "预计" or "计划";

    private static (string Word, int At)? First(string words, string[] cues)
    {
        (string, int)? first = null;
        foreach (var cue in cues)
        {
            for (var at = words.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = words.IndexOf(cue, at + 1, StringComparison.Ordinal))
            {
                if (IsFuture(words, at, cue.Length)) continue;
                if (first is null || at < first.Value.Item2) first = (cue, at);
                break;
            }
        }
        return first;
    }
}
