namespace ProjectTracker.Api.Projects;

/// <summary>A phase of a project (一期, 二期 …) with its own amount, in the project's currency.</summary>
/// <param name="Name">As the documents name it: 一期, 二期, 三期 …</param>
/// <param name="Amount">Investment of this phase in 亿, when stated.</param>
/// <param name="Qualifier">How exact that amount is (exact when omitted with an amount).</param>
public sealed record Phase(string Name, decimal? Amount, AmountQualifier? Qualifier);
