//! Sign-in: password hashing, session tokens, and the sign-in and sign-out
//! services.

pub mod password;
pub mod service;
pub mod token;
