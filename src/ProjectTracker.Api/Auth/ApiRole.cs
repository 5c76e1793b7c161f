namespace ProjectTracker.Api.Auth;

/// <summary>What an API key may do; each role includes the ones before it.</summary>
public enum ApiRole
{
    /// <summary>Read projects, reference data and dashboards.</summary>
    Viewer,
    /// <summary>Also create, correct, transition and import projects, and record events and targets (within its districts, if limited).</summary>
    Editor,
    /// <summary>Also delete projects, manage API keys and read the whole audit trail.</summary>
    Admin,
}
