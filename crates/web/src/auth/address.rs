//! The client's address for the per-address sign-in back-off: the TCP
//! peer of the connection (`ssp serve` is started with connect info). Behind
//! a reverse proxy every request comes from the proxy, so the limit is
//! generous; see `docs/SIGN-IN-passwords.md`.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use ssp_domain::auth::SignInThrottle;
use time::Duration;

/// 30 failures in 15 minutes from one address pause it for 15 minutes,
/// doubling after that: far above one person mistyping, far below a
/// guessing run over many names.
pub const ADDRESS_THROTTLE: SignInThrottle = SignInThrottle {
    max_failures: 30,
    window: Duration::minutes(15),
    lock: Duration::minutes(15),
    max_lock: Duration::hours(24),
};

/// The peer address as text (IPv6 addresses count per /64, since one
/// machine commonly holds a whole /64).
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let addr = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| key(c.0))
            .unwrap_or_else(|| "unknown".to_owned());
        Ok(ClientAddress(addr))
    }
}

fn key(addr: SocketAddr) -> String {
    match addr.ip() {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_keyed_per_host_or_ipv6_network() {
        assert_eq!(key("127.0.0.1:5000".parse().unwrap()), "127.0.0.1");
        assert_eq!(key("[2001:db8:1:2:3:4:5:6]:80".parse().unwrap()), "2001:db8:1:2::/64");
        assert_eq!(key("[::ffff:10.0.0.1]:80".parse().unwrap()), "10.0.0.1");
    }
}
