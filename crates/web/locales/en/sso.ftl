## Single sign-on: the sign-in page's provider buttons and refusals, the
## identity providers page, the accounts page.

sso-or = Or sign in with your district account
sso-refused-unknown-state = That sign-in link was already used or did not start here. Start again with the button below.
sso-refused-expired = That sign-in took too long. Start again with the button below.
sso-refused-provider-unavailable = The district's sign-in service is not answering right now. Try again in a few minutes, or sign in with your password.
sso-refused-provider-refused = The district's sign-in service did not sign you in. Start again, or sign in with your password.
sso-refused-invalid-token = The answer from the district's sign-in service could not be trusted, so you were not signed in. Try again; if it keeps happening, tell your school.
sso-refused-missing-claim = The district's sign-in service did not say who you are in a way ssp can use. Tell your school's administrator.
sso-refused-unknown-person = You signed in with the district, but you are not in this district's roster in ssp. If you think you should be, tell your school.
sso-refused-ambiguous = More than one person in the roster matches that district account. Tell your school's administrator.
sso-refused-deactivated = This account is turned off. Ask your school if you think this is a mistake.
sso-refused-no-account = You are in the roster but have no ssp account yet. Ask your school's administrator to prepare one.

sso-providers-title = Sign-in providers
sso-providers-intro = The district's identity providers (Google, Microsoft, Clever, ClassLink or any OpenID Connect service). People in the roster sign in with them; nobody else gets in.
sso-providers-none = No provider yet: people sign in with a password only.
sso-providers-col-name = Button
sso-providers-col-issuer = Issuer
sso-providers-col-client = Client ID
sso-providers-col-matching = Who is who
sso-providers-col-links = Linked accounts
sso-providers-col-action = Action
sso-providers-remove = Remove
sso-providers-add-heading = Add a provider
sso-providers-callback = Register this redirect address with the provider: { $url }
sso-providers-name = Name on the button ("Sign in with …")
sso-providers-issuer = Issuer address
sso-providers-issuer-hint = For example https://accounts.google.com. ssp reads the provider's settings from this address.
sso-providers-client-id = Client ID
sso-providers-client-secret = Client secret
sso-providers-secret-hint = Kept by ssp and never shown again. To change it, remove the provider and add it again.
sso-providers-match-field = Roster field that identifies the person
sso-providers-match-claim = Token claim compared with it
sso-providers-claim-hint = Leave empty for the usual one: email for email, sub for sourcedId, identifier for the student number.
sso-providers-add = Add provider
sso-providers-added = Provider added. Its button is on the sign-in page.
sso-providers-removed = Provider removed, with the accounts linked through it.
sso-providers-matching = Claim { $claim } = { $field }
sso-match-email = Email in the roster
sso-match-sourced-id = sourcedId in the roster
sso-match-identifier = Student number (roster identifier)
sso-provider-error-required = Fill in every field.
sso-provider-error-too-long = One of the values is too long.
sso-provider-error-invalid = One of the values has characters that are not allowed.
sso-provider-error-not-https = The issuer must be an https:// address.
sso-provider-error-unknown-choice = Choose which roster field identifies the person.

accounts-title = Accounts
accounts-intro = Find a person to see how they sign in, turn their account off or on, or sign them out everywhere.
accounts-search-label = Name, username or email
accounts-search = Search
accounts-none-found = Nobody in the district matches that search.
accounts-caption = People found and how they sign in
accounts-col-name = Name
accounts-col-username = Username
accounts-col-methods = Sign-in methods
accounts-col-last = Last sign-in
accounts-col-status = Account
accounts-col-action = Action
accounts-method-password = Password
accounts-method-no-password = No password (district sign-in only)
accounts-method-sso = { $provider }, last used { $when }
accounts-status-active = Active
accounts-status-disabled = Turned off
accounts-status-deactivated = Left the roster
accounts-status-none = No account
accounts-never = Never
accounts-enable = Turn on
accounts-disable = Turn off
accounts-end-sessions = { $count ->
    [one] Sign out (1 session)
   *[other] Sign out ({ $count } sessions)
}
accounts-done-disable = The account is turned off and its sessions ended.
accounts-done-enable = The account is turned on.
accounts-done-end-sessions = All of the account's sessions ended.
accounts-prepare-heading = Accounts for rostered people
accounts-prepare-intro = Every active student, guardian and staff member in the roster who has no account gets one, with their roster username and no password: they sign in through the district's provider until they accept an invitation. The roster import does this after each import.
accounts-prepare = Prepare accounts
accounts-prepared = { $count ->
    [one] 1 account prepared.
   *[other] { $count } accounts prepared.
}

audit-action-sso-refused = District sign-in refused
audit-action-identity-linked = District sign-in linked
audit-action-identity-provider-saved = Sign-in provider added
audit-action-identity-provider-removed = Sign-in provider removed
audit-action-accounts-prepared = Accounts prepared
audit-action-account-disabled = Account turned off
audit-action-account-enabled = Account turned on
audit-action-sessions-ended = Sessions ended

error-unknown-action = That action is not one this page offers. Go back and use one of its buttons.

nav-accounts = Accounts

accounts-invite = Send the invitation again
accounts-done-invite = The invitation was sent again by email.
accounts-invite-link = No email server is set up. Give the family this link to set their password: { $link }
