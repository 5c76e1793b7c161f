namespace ProjectTracker.Api.Audit;

/// <summary>The names of what the audit trail records, and of the things it records them of.</summary>
public static class AuditActions
{
    public const string ProjectEntity = "project";
    public const string ApiKeyEntity = "api_key";
    public const string TargetEntity = "target";
    public const string EventEntity = "event";
    public const string ImportEntity = "import";
    public const string SeedEntity = "seed";
    public const string IntakeDocumentEntity = "intake_document";
    public const string IntakeDraftEntity = "intake_draft";
    public const string IntakeBatchEntity = "intake_batch";

    public const string ProjectCreated = "project.created";
    public const string ProjectUpdated = "project.updated";
    public const string ProjectStatusChanged = "project.status_changed";
    public const string ProjectDeleted = "project.deleted";
    public const string KeyCreated = "api_key.created";
    public const string KeyRevoked = "api_key.revoked";
    public const string TargetCreated = "target.created";
    public const string TargetUpdated = "target.updated";
    public const string EventRecorded = "event.recorded";
    public const string ImportCompleted = "import.completed";
    public const string SeedLoaded = "seed.loaded";
    public const string IntakeSubmitted = "intake_document.submitted";
    public const string IntakeDraftAccepted = "intake_draft.accepted";
    public const string IntakeDraftRejected = "intake_draft.rejected";
    public const string IntakeBatchAccepted = "intake_batch.accepted";
    public const string IntakeBatchRejected = "intake_batch.rejected";
}
