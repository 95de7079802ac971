# Community partners (issue 18): the directory, matching, consent,
# referrals, partner users, the record of disclosures and the loop metrics.

error-may-not-maintain-directory = Only community school coordinators and district administrators maintain the resource directory.
error-may-not-grant-consent = Only a parent or guardian with educational rights, or the student at 18, can give this consent.
error-consent-already-revoked = This consent was already revoked.
error-consent-required = Nothing can be shared with this partner yet: a parent or guardian must first give consent for this kind of help.
error-resource-full = This resource has no places left.
error-resource-has-no-category = This resource has no category of service; fix it in the directory first.
error-resource-has-no-partner = This service has no partner organisation; fix it in the directory first.
error-illegal-referral-move = The referral cannot move to that step from where it is now.
error-referral-date-out-of-order = The date cannot be before the previous step or after today.
error-may-not-change-partner-settings = Only district administrators change the referral settings.
error-invalid-resource = Check the resource's fields.
error-invalid-partner = Check the partner's fields.
error-invalid-partner-user = Check the partner user's fields.
error-invalid-consent = Check the consent's fields.
error-invalid-referral = Check the referral's fields.
error-invalid-referral-step = Check the step's fields.
error-invalid-partner-settings = The reminder age must be from 1 to 365 days.

audit-action-partner-saved = Partner organisation saved
audit-action-resource-saved = Resource saved
audit-action-directory-imported = Resource directory imported
audit-action-partner-user-created = Partner user created
audit-action-consent-granted = Consent to share given
audit-action-consent-revoked = Consent to share revoked
audit-action-referral-made = Referral made
audit-action-referral-moved = Referral moved a step
audit-action-partner-disclosure = Information shown to a partner
audit-action-partner-settings-changed = Referral settings changed
