-- Single sign-on: a district's OpenID Connect providers, the sign-ins
-- under way (state, nonce and PKCE verifier kept on the server, single
-- use, with an expiry), and the identities linked to accounts.

CREATE TABLE identity_providers (
    id             UUID PRIMARY KEY NOT NULL,
    district_id    UUID NOT NULL REFERENCES orgs (id),
    name           TEXT NOT NULL,
    issuer_url     TEXT NOT NULL,
    client_id      TEXT NOT NULL,
    -- Sent to the provider's token endpoint; never shown back or logged.
    client_secret  TEXT NOT NULL,
    -- Which roster field the claim is compared with: email, sourced_id or identifier.
    match_field    TEXT NOT NULL CHECK (match_field IN ('email', 'sourced_id', 'identifier')),
    -- The ID token claim that carries it (email, sub, sourcedId, …).
    match_claim    TEXT NOT NULL,
    enabled        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_providers_district_idx ON identity_providers (district_id);

-- Only the SHA-256 of the state is stored; a row is deleted when its
-- callback arrives, so a replayed state finds nothing.
CREATE TABLE sso_logins (
    state_hash     TEXT PRIMARY KEY NOT NULL,
    provider_id    UUID NOT NULL REFERENCES identity_providers (id) ON DELETE CASCADE,
    nonce          TEXT NOT NULL,
    pkce_verifier  TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX sso_logins_expires_idx ON sso_logins (expires_at);

-- The provider's subject (the ID token's `sub`) linked to an account at
-- its first sign-in.
CREATE TABLE identity_links (
    provider_id    UUID NOT NULL REFERENCES identity_providers (id) ON DELETE CASCADE,
    subject        TEXT NOT NULL,
    account_id     UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at     TIMESTAMPTZ NOT NULL,
    last_used_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider_id, subject)
);
CREATE INDEX identity_links_account_idx ON identity_links (account_id);

-- Finding a rostered person by the email a provider vouches for.
CREATE INDEX persons_email_idx ON persons (district_id, lower(email));
