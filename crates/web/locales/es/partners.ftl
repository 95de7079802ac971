# Socios comunitarios (issue 18): el directorio, las propuestas, el
# consentimiento, las derivaciones, los usuarios de socios, el registro de
# divulgaciones y las métricas del ciclo.

error-may-not-maintain-directory = Solo los coordinadores de escuela comunitaria y los administradores del distrito mantienen el directorio de recursos.
error-may-not-grant-consent = Solo un padre, madre o tutor con derechos educativos, o el estudiante a los 18 años, puede dar este consentimiento.
error-consent-already-revoked = Este consentimiento ya fue revocado.
error-consent-required = Todavía no se puede compartir nada con esta organización: un padre, madre o tutor debe dar primero su consentimiento para este tipo de ayuda.
error-resource-full = Este recurso no tiene plazas libres.
error-resource-has-no-category = Este recurso no tiene una categoría de servicio; corríjalo primero en el directorio.
error-resource-has-no-partner = Este servicio no tiene una organización asociada; corríjalo primero en el directorio.
error-illegal-referral-move = La derivación no puede pasar a ese paso desde donde está ahora.
error-referral-date-out-of-order = La fecha no puede ser anterior al paso previo ni posterior a hoy.
error-may-not-change-partner-settings = Solo los administradores del distrito cambian la configuración de las derivaciones.
error-invalid-resource = Revise los campos del recurso.
error-invalid-partner = Revise los campos de la organización.
error-invalid-partner-user = Revise los campos del usuario de la organización.
error-invalid-consent = Revise los campos del consentimiento.
error-invalid-referral = Revise los campos de la derivación.
error-invalid-referral-step = Revise los campos del paso.
error-invalid-partner-settings = El plazo del recordatorio debe ser de 1 a 365 días.

audit-action-partner-saved = Organización asociada guardada
audit-action-resource-saved = Recurso guardado
audit-action-directory-imported = Directorio de recursos importado
audit-action-partner-user-created = Usuario de organización asociada creado
audit-action-consent-granted = Consentimiento para compartir otorgado
audit-action-consent-revoked = Consentimiento para compartir revocado
audit-action-referral-made = Derivación realizada
audit-action-referral-moved = Derivación avanzada un paso
audit-action-partner-disclosure = Información mostrada a una organización asociada
audit-action-partner-settings-changed = Configuración de derivaciones cambiada
