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

partners-student-title = Apoyos y oportunidades
partners-student-intro = Ayuda de la escuela y de organizaciones comunitarias: lo que se propuso y por qué, lo que se derivó y en qué estado está, los consentimientos para compartir información y cada vez que una organización la consultó.
partners-proposals = Propuesto para este estudiante
partners-proposals-none = Todavía nada del directorio coincide con las necesidades, intereses y metas de este estudiante.
partners-accept-proposal = Derivar o inscribir
partners-referrals = Derivaciones e inscripciones
partners-referrals-none = Aún no hay derivaciones.
partners-overdue = Espera demasiado
partners-move = Registrar un paso
partners-move-save = Guardar el paso
partners-consents = Consentimientos para compartir información
partners-consents-intro = No se comparte nada sobre el estudiante con una organización comunitaria sin el consentimiento de un padre, madre o tutor con derechos educativos (o del estudiante a los 18 años). Un consentimiento se puede revocar en cualquier momento y deja de valer de inmediato.
partners-consents-none = No se ha dado ningún consentimiento.
partners-consent-until = Hasta
partners-consent-electronic = Otorgado en este sitio
partners-consent-paper = Firmado en papel por { $name }
partners-revoke = Revocar
partners-grant = Dar consentimiento para compartir
partners-grant-save = Dar consentimiento
partners-disclosures = Registro de divulgaciones
partners-disclosures-intro = Cada vez que personal de una organización asociada consultó la información del estudiante: cuándo, quién, qué y para qué.
partners-disclosures-none = Ninguna organización ha consultado la información del estudiante.
partners-col-when = Cuándo
partners-col-who = Quién
partners-school-opportunity = En la escuela
partners-reason-need = Atiende una necesidad: { $need }
partners-reason-area = Corresponde al área de interés { $area }
partners-reason-word = Coincide con «{ $word }»

partners-partner-title = Derivaciones a su organización
partners-partner-intro = Estudiantes derivados a su organización mientras el consentimiento de la familia está vigente. Cada vez que se abre esta página queda anotado en el registro de divulgaciones del estudiante.
partners-grade = Grado

partners-directory-title = Directorio de recursos
partners-directory-intro = Oportunidades de la escuela (clubes, tutorías, deportes, mentorías) y servicios de organizaciones comunitarias asociadas.
partners-search = Buscar
partners-search-go = Buscar
partners-all-categories = Todas las categorías
partners-entries = Recursos
partners-entries-none = Ningún recurso coincide.
partners-grades = Grados
partners-any-language = Cualquier idioma
partners-places-left = Quedan { $count } plazas
partners-imported = Se importaron { $count } recursos.
partners-import = Importar desde un archivo CSV
partners-import-intro = Columnas: kind, name, partner, categories, description, eligibility, grade_min, grade_max, languages, location, hours, cost, capacity, contact, interest_areas, keywords. Un recurso con el mismo nombre se actualiza. Si alguna fila tiene un problema, no se importa nada.
partners-import-refused = No se importó nada. Corrija estos problemas y vuelva a subir el archivo.
partners-import-file = Archivo CSV
partners-import-go = Importar
partners-col-line = Línea
partners-col-column = Columna
partners-col-problem = Problema
partners-metrics = Ciclo de derivaciones
partners-metrics-district = Todo el distrito
partners-col-group = Escuela u organización
partners-col-total = Derivaciones
partners-col-by-status = Por estado
partners-col-to-acceptance = Mediana de días hasta la aceptación
partners-col-to-service = Mediana de días hasta el primer servicio
partners-col-closed = Cerradas con un resultado
partners-settings = Configuración de derivaciones
partners-reminder-days-label = Días que una derivación puede esperar en un paso antes de mostrarse como demorada
partners-settings-save = Guardar

partner-category-health = Salud
partner-category-vision-dental = Visión o salud dental
partner-category-food = Alimentación
partner-category-housing = Vivienda
partner-category-clothing = Ropa
partner-category-transportation = Transporte
partner-category-attendance-barrier = Llegar a la escuela
partner-category-academic = Ayuda académica
partner-category-social-emotional = Apoyo social y emocional
partner-category-enrichment = Clubes, deportes y artes
partner-category-mentoring = Mentoría

referral-status-sent = Enviada
referral-status-accepted = Aceptada
referral-status-declined = Rechazada
referral-status-in-service = Recibiendo servicios
referral-status-closed = Cerrada
referral-outcome-need-met = necesidad atendida
referral-outcome-partly-met = necesidad atendida en parte
referral-outcome-not-met = necesidad no atendida
referral-outcome-family-withdrew = la familia se retiró
referral-outcome-unreachable = no se pudo contactar a la familia
referral-event-accept = Aceptar
referral-event-decline = Rechazar
referral-event-record-service = Registrar un servicio prestado
referral-event-close = Cerrar
referral-kind-referral = Derivación a una organización
referral-kind-enrolment = Inscripción en la escuela
consent-state-active = Vigente
consent-state-expired = Vencido
consent-state-revoked = Revocado

partners-field-partner = Organización asociada
partners-field-categories = Tipos de ayuda
partners-field-purpose = Finalidad
partners-field-expires-on = Último día
partners-field-signer-name = Firmado por
partners-field-scan = Copia escaneada del formulario firmado
partners-field-resource = Recurso
partners-field-need = Necesidad
partners-field-goal = Meta
partners-field-reason = Motivo
partners-field-event = Paso
partners-field-on = Fecha
partners-field-outcome = Resultado
partners-field-note = Nota
partners-field-sensitivity = Quién puede leer la nota
partners-field-kind = Tipo
partners-field-name = Nombre
partners-field-grade-min = Grado más bajo
partners-field-grade-max = Grado más alto
partners-field-languages = Idiomas
partners-field-capacity = Plazas
partners-field-interest-areas = Áreas de interés
partners-field-keywords = Palabras clave
partners-field-description = Descripción
partners-field-eligibility = Requisitos
partners-field-location = Lugar
partners-field-hours = Horario
partners-field-cost = Costo
partners-field-contact = Contacto
partners-field-given-name = Nombre
partners-field-family-name = Apellido
partners-field-username = Nombre de usuario
partners-field-email = Correo electrónico
partners-field-reminder-days = Plazo del recordatorio

partners-problem-not-served = esta organización no ofrece ese tipo de ayuda.
partners-problem-unknown-partner = ninguna organización asociada tiene ese nombre.
partners-problem-not-for-school = una oportunidad de la escuela no tiene organización asociada.
partners-problem-grades-reversed = menor que el grado más bajo.
partners-problem-invalid-language = use códigos de idioma como en o es.
partners-problem-too-many = demasiados.
partners-problem-in-past = no puede ser anterior a hoy.
partners-problem-too-far = no puede ser más de un año después de hoy.
partners-problem-missing-column = falta la columna.
partners-problem-unreadable-csv = no se puede leer como CSV.
partners-problem-duplicate-name = el mismo nombre aparece dos veces en el archivo.
partners-problem-unknown-type = debe ser un PDF, JPEG o PNG.
partners-problem-not-allowed = no se permite escribir notas de esa clase.
partners-problem-too-many-rows = el archivo tiene demasiadas filas.
partners-problem-invalid-username = use letras, dígitos y . _ - @.

nav-partners = Recursos
partners-paper = Registrar un consentimiento firmado en papel
partners-paper-save = Registrar el consentimiento

# Each directory entry's own forms (maintainers).
error-partner-name-taken = El directorio ya tiene una organización con ese nombre.
error-resource-name-taken = El directorio ya tiene un recurso con ese nombre.
error-partner-has-records = No se puede eliminar esta organización: hay derivaciones, consentimientos o registros de divulgación de estudiantes que la nombran, y esos registros se conservan.
error-partner-has-users = Esta organización todavía tiene cuentas de usuario. Elimínelas primero.
error-resource-has-referrals = No se puede eliminar este recurso: se derivó o inscribió a estudiantes en él, y esos registros se conservan.
partners-problem-has-referrals = no se puede cambiar: ya se derivó a estudiantes a este servicio.
audit-action-partner-removed = Organización eliminada
audit-action-resource-removed = Recurso eliminado
audit-action-partner-user-changed = Usuario de la organización modificado
audit-action-partner-user-removed = Usuario de la organización eliminado
partners-edit = Editar
partners-save = Guardar
partners-saved = Guardado.
partners-removed = Eliminado del directorio.
partners-back-to-directory = Volver al directorio de recursos
partners-organisations = Organizaciones colaboradoras
partners-organisations-none = Todavía no hay organizaciones colaboradoras.
partners-organisation-title = Organización colaboradora
partners-organisation-new = Agregar una organización
partners-organisation-add = Agregar la organización
partners-organisation-edit = Nombre y contacto
partners-organisation-remove = Eliminar esta organización
partners-organisation-remove-intro = Elimina la organización y sus servicios del directorio. No es posible mientras derivaciones o consentimientos de estudiantes la nombren, ni mientras tenga cuentas de usuario.
partners-services = Servicios
partners-services-none = Todavía no hay servicios.
partners-service-new = Agregar un servicio
partners-users = Cuentas de usuario
partners-users-intro = El personal de la organización que ve a los estudiantes derivados a ella, mientras esté vigente un consentimiento de la familia. Una cuenta nueva no tiene contraseña: la persona la crea con "¿Olvidó su contraseña?" en la página de inicio de sesión.
partners-users-none = Todavía no hay cuentas de usuario.
partners-user-new = Agregar una cuenta de usuario
partners-user-add = Agregar la cuenta
partners-user-remove = Eliminar la cuenta
partners-resource-new-title = Agregar un recurso
partners-resource-edit-title = Editar un recurso
partners-resource-remove = Eliminar este recurso
partners-resource-remove-intro = No es posible una vez que se derivó o inscribió a estudiantes en él.
partners-kind-school-opportunity = En la escuela: un club, equipo, tutoría o mentoría
partners-kind-partner-service = Un servicio de una organización colaboradora
partners-no-partner = Ninguna (en la escuela)
partners-partner-hint = Un servicio de una organización la nombra; una oportunidad de la escuela no nombra ninguna.
partners-languages-hint = Códigos de idioma, como en, es. Déjelo vacío para cualquier idioma.
partners-capacity-hint = Plazas en total. Déjelo vacío si no hay límite.
partners-keywords-hint = Palabras que coinciden con los intereses, fortalezas y metas de los estudiantes, separadas por espacios.

# The partner user's home and lists.
nav-partner-referrals = Derivaciones
home-partner-role = Sesión iniciada para { $partner }
home-partner-new = { $count ->
    [one] Una derivación nueva para aceptar o rechazar
   *[other] { $count } derivaciones nuevas para aceptar o rechazar
}
home-partner-to-first-service = { $count ->
    [one] Una derivación aceptada en espera del primer servicio
   *[other] { $count } derivaciones aceptadas en espera del primer servicio
}
home-partner-too-long = { $count ->
    [one] Derivaciones que esperan demasiado: 1
   *[other] Derivaciones que esperan demasiado: { $count }
}
home-partner-in-service = { $count ->
    [one] Un estudiante recibe servicios
   *[other] { $count } estudiantes reciben servicios
}
home-partner-privacy = Los nombres de los estudiantes aparecen en las listas de derivaciones. Cada vez que abre una, queda anotado en el registro de divulgaciones del estudiante.
home-partner-all = Todas las derivaciones
partners-lists = Listas de derivaciones
partners-show-all = Todas
partners-show-new = Nuevas
partners-show-to-first-service = En espera del primer servicio
partners-show-in-service = Reciben servicios
partners-show-too-long = Esperan demasiado
queue-referrals-too-long = Derivaciones que esperan demasiado
partners-remove-confirm = Sí, eliminarlo: no se puede deshacer.
partners-remove-unconfirmed = No se eliminó nada: marque la casilla para confirmar la eliminación.
