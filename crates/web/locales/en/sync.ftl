## Roster sync over the OneRoster 1.2 REST API (/admin/roster/sync)

sync-title = Roster sync (OneRoster API)
sync-link = Roster sync from a OneRoster API (ClassLink, Clever, your student information system)
sync-intro = Instead of uploading files, ssp can fetch the district's roster from a OneRoster 1.2 API. The first run fetches everything; later runs fetch only what changed since. Each run is applied like an uploaded package: all or nothing, with its row problems in the import history.
sync-status = Runs
sync-last-run = Last run
sync-never-run = Not run yet.
sync-next-run = Next scheduled run
sync-next-none = None: runs only when you start one.
sync-run-now = Run now
sync-run-full = Fetch everything, not only the changes
sync-run-busy = Another roster import or sync is running. Wait for it to finish, then start again.
sync-not-configured = Save the connection settings below before the first run.
sync-history-link = Import history
sync-settings = Connection
sync-base-url = OneRoster API address
sync-base-url-hint = The rostering service's address, for example https://sis.example.org/ims/oneroster/rostering/v1p2. An address without /ims/oneroster/ gets the OneRoster 1.2 path added.
sync-token-url = Token address (OAuth 2.0)
sync-token-url-hint = Where ssp asks for an access token with the client credentials, for example https://sis.example.org/oauth/token.
sync-client-id = Client ID
sync-client-secret = Client secret
sync-secret-set = A secret is set. It is never shown; leave this empty to keep it, or type a new one to replace it.
sync-secret-not-set = No secret is set yet.
sync-schedule = Schedule
sync-schedule-hint = How often ssp fetches the changes on its own.
sync-schedule-off = Off: only when you run it
sync-schedule-every = { $hours ->
    [1] Every hour
    [168] Once a week
   *[other] Every { $hours } hours
}
sync-save = Save the connection
sync-saved = Saved. The secret is stored and will not be shown again.
sync-error-form = Some settings need fixing; nothing was saved.
sync-error-base_url = Enter the API address as a full https:// address.
sync-error-token_url = Enter the token address as a full https:// address.
sync-error-client_id = Enter the client ID your provider gave you.
sync-error-client_secret = Enter the client secret your provider gave you.
sync-error-every_hours = Choose one of the schedules offered.

roster-refusal-sync-config = The sync settings cannot be used. Check the addresses on the roster sync page. Nothing was changed.
roster-refusal-sync-credentials = The OneRoster API refused the client ID and secret. Check them with your provider and save them again. Nothing was changed.
roster-refusal-sync-unreachable = ssp could not reach the OneRoster API. Check the address, or try again later. Nothing was changed.
roster-refusal-sync-timeout = The OneRoster API did not answer in time, even after several tries. Nothing was changed; try again later.
roster-refusal-sync-page-failed = The OneRoster API failed to send part of the roster, even after several tries. Nothing was changed; try again later.
roster-refusal-sync-garbage = The OneRoster API answered with something that is not OneRoster data. Nothing was changed; contact your provider if it happens again.
roster-refusal-sync-duplicate = The OneRoster API sent the same record twice, so its answer cannot be trusted. Nothing was changed; try again later, and contact your provider if it happens again.
