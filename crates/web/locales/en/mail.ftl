# Email, invitations, password reset, changing a password, two-factor
# sign-in (issue 13). Spanish: usted (families and staff).

sign-in-forgot = Forgot your password?
sign-in-have-code = I have an invitation code
sign-in-done-reset = Your password is set. Sign in with it now.
sign-in-done-invitation = Your password is set and your email is confirmed. Sign in with your username or email.
sign-in-done-mfa-restart = That sign-in expired or had too many wrong codes. Sign in again.
sign-in-missing-login = Enter your username or email.
account-link = Account
back-to-sign-in = Back to sign-in

mfa-code-title = Two-step sign-in
mfa-code-intro = Enter the six-digit code your authenticator app shows for ssp, or one of your recovery codes.
mfa-code-label = Code
mfa-code-hint = Six digits, or a recovery code such as ABCDE-FGHJK.
mfa-code-submit = Continue
mfa-enrol-title = Two-step sign-in
mfa-enrol-intro = Your district asks for a second step when you sign in. Scan this code with an authenticator app (such as a phone's built-in one), then enter the six digits it shows.
mfa-qr-label = QR code to scan with an authenticator app
mfa-enrol-manual = Or enter this key by hand:
mfa-enrol-uri = Show the setup link as text
mfa-enrol-code-label = Six-digit code from the app
mfa-enrol-submit = Turn on two-step sign-in
mfa-enabled = Two-step sign-in is on for your account.
mfa-codes-left = { $count ->
    [one] You have one unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
mfa-recovery-title = Your recovery codes
mfa-recovery-intro = Keep these codes somewhere safe. Each one signs you in once if you lose your phone. They are shown only now.
mfa-recovery-continue = I have saved them — continue

password-change-title = Change your password
password-changed = Your password is changed. Your other sessions have been signed out.
password-rule = Use at least 12 characters. A few unrelated words are easy to remember and hard to guess; common passwords and your own name are refused.
password-current-label = Current password
password-new-label = New password
password-confirm-label = New password again
password-change-submit = Change password
password-username = Your username: { $username }
password-set-submit = Set password

reset-title = Reset your password
reset-intro = Enter your username or email. If an account with an email address has it, we send a link to set a new password. The link works once, for one hour.
reset-submit = Send the link
reset-sent = If an account matches what you entered, a link is on its way to the email address on file. Check your inbox in a few minutes.
reset-set-title = Set a new password
reset-set-intro = Choose a new password. Every device signed in to your account will be signed out.
reset-ask-again = Ask for a new link

invitation-title = Set up your account
invitation-intro = Welcome, { $name }. Choose a password to see your child's plan.
invitation-code-intro = Enter the code printed on your invitation letter.
invitation-code-label = Invitation code
invitation-code-submit = Continue
invitation-letter-title = Invitation letter
invitation-letter-back = Back to the team
invitation-letter-print = Print the letter
invitation-copy-notice = No email server is set up, so nothing was sent. Copy this link and give it to the family; it works once.
letter-greeting = Dear { $name },
letter-body = Your child's school uses ssp for each student's success plan. To see your child's plan and sign reviews, open the address below and enter the code.
letter-copy-body = Your child's school uses ssp for each student's success plan. Open this link to choose your password.
letter-code-label = Your code:
letter-link-label = Address:
letter-expires = This invitation works once, until { $date }.

team-done-invited = The invitation is on its way by email.
guardian-joined = Signed up
guardian-invited = Invited { $date }
guardian-invitation-expired = Invitation expired
guardian-never-invited = Never invited
invite-by-email = Invite by email
invite-by-letter = Print a letter
invite-school-link = Invite all families of this school
invite-school-title = Invite all families
invite-school-count = { $count ->
    [one] One family has not signed up yet.
   *[other] { $count } families have not signed up yet.
}
invite-school-progress = Inviting: { $done } of { $total } families done ({ $invited } emailed, { $skipped } without an email address). This page updates itself.
invite-school-finished = Done: { $invited } families emailed, { $skipped } without an email address (print letters for them from each student's team page).
invite-school-no-smtp = No email server is set up, so families can only be invited by letter, one at a time.
invite-school-submit = Invite them by email

settings-sign-in = Sign-in
settings-require-mfa = Require two-step sign-in for district administrators, school administrators and counselors
settings-require-mfa-hint = Applies to password sign-in; single sign-on through the district's provider uses the provider's own second step.
settings-invitation-days = Days a family invitation stays valid (1–90)
settings-sign-in-save = Save sign-in settings

mail-reset-subject = Reset your ssp password
mail-reset-body = Hello { $name },

    Someone asked to reset the password of the ssp account { $username }. To choose a new password, open this link within one hour:

    { $link }

    If it was not you, ignore this email: your password stays as it is.
mail-invitation-subject = Your invitation to your child's success plan
mail-invitation-body = Hello { $name },

    Your child's school uses ssp for each student's success plan. To see your child's plan, open this link and choose a password:

    { $link }

    The link works once and expires in { $days } days.

error-link-unknown = This link or code is not valid. Check that you copied all of it, or ask for a new one.
error-link-used = This link or code has already been used. Sign in, or ask for a new one.
error-link-expired = This link or code has expired. Ask for a new one.
error-password-current-wrong = Your current password is not right. Nothing was changed.
error-password-unchanged = The new password is the same as the current one.
error-password-mismatch = The two new passwords are not the same.
error-password-too-short = The password must have at least 12 characters.
error-password-too-long = The password must have at most 128 characters.
error-password-common = That password is one of the most common ones and would be guessed quickly. Choose another.
error-password-weak = That password is too easy to guess (repeated letters, a sequence, a name or a date). Add a few unrelated words.
error-invitation-days-invalid = Enter a number of days from 1 to 90.
error-reset-rate-limited = Too many reset requests from here. Wait 15 minutes and try again.
error-may-not-invite = Only the plan manager or a school administrator can invite this family.
error-guardian-already-joined = This family member has already set up an account.
error-guardian-has-no-email = There is no email address for this family member. Print a letter instead.
error-smtp-not-configured = No email server is set up. Invite families by letter instead.
error-mfa-code-wrong = That code is not right. Check the time on your phone and try the newest code.
