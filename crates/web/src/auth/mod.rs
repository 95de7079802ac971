//! Sign-in: password hashing, session tokens, the client address for the
//! back-off, and the sign-in and sign-out services.

pub mod address;
pub mod password;
pub mod service;
pub mod token;
