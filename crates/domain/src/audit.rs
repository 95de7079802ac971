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
        }
    }
}
