//! Audit event kinds. The audit table is append-only; each row is written
//! in the same transaction as the change it records.

/// What happened. Stored as the snake_case string; later features add
/// their own variants here so the list of audited actions is in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignInLocked,
    SignOut,
    UserCreated,
    DemoGenerated,
    /// Someone other than the student read a student's record.
    RecordViewed,
    /// A request for a student's record was refused (answered 404).
    AccessDenied,
    /// A restricted record was opened with a stated reason.
    BreakGlass,
    TeamMemberAdded,
    TeamMemberRemoved,
    PlanManagerAssigned,
    SharingChanged,
    NoteCreated,
    AuditSearched,
    AuditExported,
    GoalCreated,
    GoalStatusChanged,
    CheckInCreated,
    /// The author corrected a check-in (the old value is kept).
    CheckInCorrected,
    CheckInDeleted,
    ReflectionCreated,
    ReflectionCorrected,
    ReflectionDeleted,
    ActivityRecorded,
    ReviewSigned,
    ProfileUpdated,
    ObservationAdded,
    InteractionLogged,
    FollowUpDone,
    ActionStepAdded,
    ActionStepDone,
    CommentAdded,
    SettingsChanged,
    GuardianRightsChanged,
    GoalEdited,
    SupportLinked,
    /// A roster package was imported (or refused).
    RosterImported,
    /// An import's row problems were downloaded as CSV.
    RosterIssuesExported,
    /// An import stopped over the district's deactivation limit was
    /// confirmed and run again.
    RosterDeactivationsConfirmed,
    /// The package of an import stopped over the limit was discarded.
    RosterPackageDiscarded,
    /// A district administrator reactivated a deactivated person.
    PersonReactivated,
    /// Someone came back from a district's identity provider and was
    /// refused (not in the roster, inactive, a bad token…).
    SsoRefused,
    /// A provider's identity was linked to an account at its first sign-in.
    IdentityLinked,
    IdentityProviderSaved,
    IdentityProviderRemoved,
    /// Accounts were prepared for rostered people who had none.
    AccountsPrepared,
    AccountDisabled,
    AccountEnabled,
    /// A district administrator ended all of an account's sessions.
    SessionsEnded,
    /// A guardian was invited (email, letter or a link to copy).
    InvitationSent,
    InvitationAccepted,
    InvitationBatchStarted,
    PasswordResetRequested,
    PasswordReset,
    PasswordChanged,
    MfaEnrolled,
    MfaFailed,
    MfaRecoveryCodeUsed,
    /// A student answered an item of the interest inventory.
    CareerInventoryAnswered,
    /// A student answered the last item: scores and code are kept.
    CareerInventoryCompleted,
    /// Work values or strengths self-ratings saved.
    CareerRatingsSaved,
    CareerSaved,
    CareerRemoved,
    /// A career exploration activity with its reflection.
    ExplorationLogged,
    /// Paths, a program or a key step of the postsecondary plan changed.
    PostsecondaryUpdated,
    PostsecondaryCommented,
    /// A district pathway or academy was added or removed.
    PathwaySaved,
    PathwayRemoved,
    /// O*NET occupation data was loaded (`ssp career load`).
    OccupationsLoaded,
    /// A course catalog file was loaded.
    CatalogLoaded,
    /// One catalog course added or changed on the catalog page.
    CatalogCourseSaved,
    /// A district's graduation requirement set was added, changed or removed.
    RequirementSetSaved,
    RequirementSetRemoved,
    /// A district's grade scale or course-plan credit limit was changed.
    AcademicSettingsSaved,
    /// Portfolio: an artifact added, changed (best work, private) or removed.
    ArtifactAdded,
    ArtifactChanged,
    ArtifactRemoved,
    /// A showcase link made or revoked by the student; a showcase viewed
    /// through its link (no account).
    ShowcaseCreated,
    ShowcaseRevoked,
    ShowcaseViewed,
    /// The whole portfolio downloaded as a zip.
    PortfolioExported,
    /// A collection made, changed (work added, moved, taken out) or removed.
    CollectionChanged,
    /// A transcript file was loaded.
    TranscriptsLoaded,
    /// Staff recorded transfer credit (or corrected an entry) by hand.
    TranscriptEntryRecorded,
    /// A course was added to or removed from the course plan.
    CoursePlanChanged,
    CoursePlanSubmitted,
    /// Staff approved or returned the course plan.
    CoursePlanDecided,
    CoursePlanAcknowledged,
    /// A student added an experience outside the classroom.
    ExperienceLogged,
    /// A student logged hours on an experience.
    HoursLogged,
    /// A student changed one of their experiences.
    ExperienceChanged,
    /// A student removed an unverified hours entry.
    HoursRemoved,
    /// A verification link for the unverified hours was emailed or shown to copy.
    HoursVerificationSent,
    /// Hours were verified, by the supervisor through the link (no actor;
    /// the supervisor's email in the detail) or by staff.
    HoursVerified,
    /// The supervisor declined the hours through the link, with a note.
    HoursDeclined,
    /// The student wrote or changed the capstone proposal.
    CapstoneProposalSaved,
    /// A capstone moved through its state machine (detail: the event key).
    CapstoneMoved,
    /// A milestone was added, marked done or given the mentor's feedback.
    CapstoneMilestoneSaved,
    /// A final product was attached to the capstone.
    CapstoneProductAttached,
    /// Staff entered a panelist's rubric sheet.
    CapstoneSheetEntered,
    /// A district's capstone rubric was changed.
    CapstoneRubricSaved,
    /// A district's portfolio settings (the best-work maximum) were changed.
    PortfolioSettingsSaved,
    /// A district added, retired or brought back one of its competencies.
    DistrictCompetencyChanged,
    /// Indicator data (attendance, behaviour, course marks) was loaded from
    /// a file or pushed through the API.
    SupportDataLoaded,
    /// A district's early-warning thresholds or routing were changed.
    SupportSettingsSaved,
    /// The rules raised a flag (system; the owner in the detail).
    FlagRaised,
    /// A flag moved: acknowledged, worked, resolved, cleared, reopened, a
    /// next step set or its owner changed (detail: the event key).
    FlagChanged,

    /// A need was recorded, or its status or "what is being done" changed.
    NeedRecorded,
    NeedChanged,
    /// An intervention was started, given a progress point, ended with an
    /// outcome, linked to a need, goal or flag, or shared with the family.
    InterventionStarted,
    InterventionProgressRecorded,
    InterventionEnded,
    InterventionLinked,
    InterventionSharingChanged,
    /// A district added or retired one of its own intervention strategies.
    SupportStrategyChanged,
    /// A district administrator ran the fairness audit of flag rates.
    FairnessReportViewed,

    /// The resource directory changed: a partner, a resource, a CSV import.
    PartnerSaved,
    ResourceSaved,
    DirectoryImported,
    /// A partner organisation or a resource was removed from the directory.
    PartnerRemoved,
    ResourceRemoved,
    /// A partner user's account was created, changed, or ended.
    PartnerUserCreated,
    PartnerUserChanged,
    PartnerUserRemoved,
    /// Consent to share with a partner was granted (on the page or from a
    /// signed paper form) or revoked.
    ConsentGranted,
    ConsentRevoked,
    /// A referral or enrolment was made, or moved a step.
    ReferralMade,
    ReferralMoved,
    /// A partner user read a referred student's information (also in the
    /// record of disclosures).
    PartnerDisclosure,
    /// The district's referral reminder age changed.
    PartnerSettingsChanged,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign_in",
            AuditAction::SignInFailed => "sign_in_failed",
            AuditAction::SignInLocked => "sign_in_locked",
            AuditAction::SignOut => "sign_out",
            AuditAction::UserCreated => "user_created",
            AuditAction::DemoGenerated => "demo_generated",
            AuditAction::RecordViewed => "record_viewed",
            AuditAction::AccessDenied => "access_denied",
            AuditAction::BreakGlass => "break_glass",
            AuditAction::TeamMemberAdded => "team_member_added",
            AuditAction::TeamMemberRemoved => "team_member_removed",
            AuditAction::PlanManagerAssigned => "plan_manager_assigned",
            AuditAction::SharingChanged => "sharing_changed",
            AuditAction::NoteCreated => "note_created",
            AuditAction::AuditSearched => "audit_searched",
            AuditAction::AuditExported => "audit_exported",
            AuditAction::GoalCreated => "goal_created",
            AuditAction::GoalStatusChanged => "goal_status_changed",
            AuditAction::CheckInCreated => "check_in_created",
            AuditAction::CheckInCorrected => "check_in_corrected",
            AuditAction::CheckInDeleted => "check_in_deleted",
            AuditAction::ReflectionCreated => "reflection_created",
            AuditAction::ReflectionCorrected => "reflection_corrected",
            AuditAction::ReflectionDeleted => "reflection_deleted",
            AuditAction::ActivityRecorded => "activity_recorded",
            AuditAction::ReviewSigned => "review_signed",
            AuditAction::ProfileUpdated => "profile_updated",
            AuditAction::ObservationAdded => "observation_added",
            AuditAction::InteractionLogged => "interaction_logged",
            AuditAction::FollowUpDone => "follow_up_done",
            AuditAction::ActionStepAdded => "action_step_added",
            AuditAction::ActionStepDone => "action_step_done",
            AuditAction::CommentAdded => "comment_added",
            AuditAction::SettingsChanged => "settings_changed",
            AuditAction::GuardianRightsChanged => "guardian_rights_changed",
            AuditAction::GoalEdited => "goal_edited",
            AuditAction::SupportLinked => "support_linked",
            AuditAction::RosterImported => "roster_imported",
            AuditAction::RosterIssuesExported => "roster_issues_exported",
            AuditAction::RosterDeactivationsConfirmed => "roster_deactivations_confirmed",
            AuditAction::RosterPackageDiscarded => "roster_package_discarded",
            AuditAction::PersonReactivated => "person_reactivated",
            AuditAction::SsoRefused => "sso_refused",
            AuditAction::IdentityLinked => "identity_linked",
            AuditAction::IdentityProviderSaved => "identity_provider_saved",
            AuditAction::IdentityProviderRemoved => "identity_provider_removed",
            AuditAction::AccountsPrepared => "accounts_prepared",
            AuditAction::AccountDisabled => "account_disabled",
            AuditAction::AccountEnabled => "account_enabled",
            AuditAction::SessionsEnded => "sessions_ended",
            AuditAction::InvitationSent => "invitation_sent",
            AuditAction::InvitationAccepted => "invitation_accepted",
            AuditAction::InvitationBatchStarted => "invitation_batch_started",
            AuditAction::PasswordResetRequested => "password_reset_requested",
            AuditAction::PasswordReset => "password_reset",
            AuditAction::PasswordChanged => "password_changed",
            AuditAction::MfaEnrolled => "mfa_enrolled",
            AuditAction::MfaFailed => "mfa_failed",
            AuditAction::MfaRecoveryCodeUsed => "mfa_recovery_code_used",
            AuditAction::CareerInventoryAnswered => "career_inventory_answered",
            AuditAction::CareerInventoryCompleted => "career_inventory_completed",
            AuditAction::CareerRatingsSaved => "career_ratings_saved",
            AuditAction::CareerSaved => "career_saved",
            AuditAction::CareerRemoved => "career_removed",
            AuditAction::ExplorationLogged => "exploration_logged",
            AuditAction::PostsecondaryUpdated => "postsecondary_updated",
            AuditAction::PostsecondaryCommented => "postsecondary_commented",
            AuditAction::PathwaySaved => "pathway_saved",
            AuditAction::PathwayRemoved => "pathway_removed",
            AuditAction::OccupationsLoaded => "occupations_loaded",
            AuditAction::CatalogLoaded => "catalog_loaded",
            AuditAction::CatalogCourseSaved => "catalog_course_saved",
            AuditAction::RequirementSetSaved => "requirement_set_saved",
            AuditAction::RequirementSetRemoved => "requirement_set_removed",
            AuditAction::AcademicSettingsSaved => "academic_settings_saved",
            AuditAction::ArtifactAdded => "artifact_added",
            AuditAction::ArtifactChanged => "artifact_changed",
            AuditAction::ArtifactRemoved => "artifact_removed",
            AuditAction::ShowcaseCreated => "showcase_created",
            AuditAction::ShowcaseRevoked => "showcase_revoked",
            AuditAction::ShowcaseViewed => "showcase_viewed",
            AuditAction::PortfolioExported => "portfolio_exported",
            AuditAction::CollectionChanged => "collection_changed",
            AuditAction::TranscriptsLoaded => "transcripts_loaded",
            AuditAction::TranscriptEntryRecorded => "transcript_entry_recorded",
            AuditAction::CoursePlanChanged => "course_plan_changed",
            AuditAction::CoursePlanSubmitted => "course_plan_submitted",
            AuditAction::CoursePlanDecided => "course_plan_decided",
            AuditAction::CoursePlanAcknowledged => "course_plan_acknowledged",
            AuditAction::ExperienceLogged => "experience_logged",
            AuditAction::HoursLogged => "hours_logged",
            AuditAction::ExperienceChanged => "experience_changed",
            AuditAction::HoursRemoved => "hours_removed",
            AuditAction::HoursVerificationSent => "hours_verification_sent",
            AuditAction::HoursVerified => "hours_verified",
            AuditAction::HoursDeclined => "hours_declined",
            AuditAction::CapstoneProposalSaved => "capstone_proposal_saved",
            AuditAction::CapstoneMoved => "capstone_moved",
            AuditAction::CapstoneMilestoneSaved => "capstone_milestone_saved",
            AuditAction::CapstoneProductAttached => "capstone_product_attached",
            AuditAction::CapstoneSheetEntered => "capstone_sheet_entered",
            AuditAction::CapstoneRubricSaved => "capstone_rubric_saved",
            AuditAction::PortfolioSettingsSaved => "portfolio_settings_saved",
            AuditAction::DistrictCompetencyChanged => "district_competency_changed",
            AuditAction::SupportDataLoaded => "support_data_loaded",
            AuditAction::SupportSettingsSaved => "support_settings_saved",
            AuditAction::FlagRaised => "flag_raised",
            AuditAction::FlagChanged => "flag_changed",

            AuditAction::NeedRecorded => "need_recorded",
            AuditAction::NeedChanged => "need_changed",
            AuditAction::InterventionStarted => "intervention_started",
            AuditAction::InterventionProgressRecorded => "intervention_progress_recorded",
            AuditAction::InterventionEnded => "intervention_ended",
            AuditAction::InterventionLinked => "intervention_linked",
            AuditAction::InterventionSharingChanged => "intervention_sharing_changed",
            AuditAction::SupportStrategyChanged => "support_strategy_changed",
            AuditAction::FairnessReportViewed => "fairness_report_viewed",
            AuditAction::PartnerSaved => "partner_saved",
            AuditAction::ResourceSaved => "resource_saved",
            AuditAction::DirectoryImported => "directory_imported",
            AuditAction::PartnerRemoved => "partner_removed",
            AuditAction::ResourceRemoved => "resource_removed",
            AuditAction::PartnerUserCreated => "partner_user_created",
            AuditAction::PartnerUserChanged => "partner_user_changed",
            AuditAction::PartnerUserRemoved => "partner_user_removed",
            AuditAction::ConsentGranted => "consent_granted",
            AuditAction::ConsentRevoked => "consent_revoked",
            AuditAction::ReferralMade => "referral_made",
            AuditAction::ReferralMoved => "referral_moved",
            AuditAction::PartnerDisclosure => "partner_disclosure",
            AuditAction::PartnerSettingsChanged => "partner_settings_changed",
        }
    }
}
