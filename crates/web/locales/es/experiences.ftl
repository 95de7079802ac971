## Experiencias fuera del aula y la página de verificación del supervisor.

exp-title = Experiencias fuera del aula
exp-intro = Prácticas, observación laboral, servicio comunitario, clubes, cursos universitarios y programas: registra tus horas y pide a tu supervisor que las confirme.
exp-intro-staff = Las experiencias del estudiante fuera del aula y sus horas, verificadas y sin verificar.
exp-totals-title = Horas por año escolar
exp-totals-none = Aún no hay horas registradas.
exp-year = Año escolar
exp-kind = Tipo
exp-hours-verified = verificadas
exp-hours-unverified = sin verificar
exp-wbl-total = Aprendizaje basado en el trabajo, todos los años
exp-new = Agregar una experiencia
exp-new-open = Nueva experiencia
exp-choose = Elige…
exp-add = Agregar experiencia
exp-email-hint = Tu supervisor recibe un enlace para confirmar tus horas. Déjalo en blanco si tu consejero las confirmará.
exp-end-hint = Déjala en blanco mientras siga en curso.
exp-list-title = Mis experiencias
exp-none = Aún no hay experiencias.
exp-since = Desde el { $date }
exp-supervisor = Supervisor
exp-hours-n = { $hours } h
exp-not-verified = Sin verificar
exp-verified-supervisor = Verificadas por el supervisor
exp-verified-staff = Verificadas por personal escolar
exp-log-hours = Registrar horas
exp-log = Guardar horas
exp-send-verification = Pedir a mi supervisor que confirme
exp-verify-staff = Verificar estas horas
exp-sent-emailed = Enviamos a { $email } un enlace para confirmar tus horas. Funciona una vez, durante 14 días.
exp-sent-copy = El correo no está configurado aquí: copia este enlace y envíalo tú a { $email }. Funciona una vez, durante 14 días.
exp-sent-link = Enlace para tu supervisor
exp-link-pending = Enlace de confirmación enviado a { $email }, válido hasta { $date }.
exp-link-confirmed = { $email } confirmó las horas.
exp-link-declined = { $email } no confirmó las horas.
exp-link-expired = El enlace enviado a { $email } caducó. Envía uno nuevo.
exp-declined-note = Nota del supervisor

exp-kind-internship = Práctica profesional
exp-kind-job-shadow = Observación laboral
exp-kind-apprenticeship = Aprendizaje de oficio
exp-kind-clinical = Práctica clínica
exp-kind-community-service = Servicio comunitario
exp-kind-extracurricular = Actividad extracurricular
exp-kind-dual-credit = Crédito doble o concurrente
exp-kind-out-of-school-program = Programa fuera del horario escolar

exp-field-kind = Tipo de experiencia
exp-field-organisation = Organización
exp-field-supervisor-name = Nombre del supervisor
exp-field-supervisor-email = Correo del supervisor
exp-field-start-on = Fecha de inicio
exp-field-end-on = Fecha de fin
exp-field-reflection = Qué hice y qué aprendí
exp-field-competencies = Habilidades que practiqué
exp-field-date = Fecha
exp-field-hours = Horas
exp-field-note = Nota

exp-problem-required = hace falta.
exp-problem-too-long = es demasiado largo.
exp-problem-invalid-email = no es un correo electrónico.
exp-problem-invalid-date = no es una fecha.
exp-problem-end-before-start = el fin es anterior al inicio.
exp-problem-unknown-choice = elige una de las opciones.
exp-problem-unknown-competency = elige habilidades de la lista.
exp-problem-too-many = demasiados.
exp-problem-competencies-too-many = elige 12 como máximo.
exp-problem-hours-too-many = un día tiene 24 horas como máximo.
exp-problem-negative-hours = las horas no pueden ser negativas.
exp-problem-invalid-number = escribe un número, como 2 o 1.5.
exp-problem-not-quarter-step = usa cuartos de hora, como 1.25 o 1.5.
exp-problem-outside-dates = la fecha está fuera de las fechas de la experiencia, o en el futuro.
exp-problem-exceeds-day = ese día tendría más de 24 horas registradas.

error-experiences-by-student-only = Solo el estudiante agrega experiencias y registra horas.
error-experience-has-no-supervisor-email = Esta experiencia no tiene correo del supervisor. Agrega uno, o pide al personal escolar que verifique las horas.
error-no-unverified-hours = No hay horas pendientes de verificar.
error-hours-verified-by-staff-or-supervisor = Tu supervisor o el personal escolar verifican tus horas, no tú.
error-invalid-experience = Revisa la experiencia: faltan campos o no son correctos.
error-invalid-hours = Revisa las horas: la fecha o el número de horas no es correcto.
error-invalid-verification-response = Confirme, o rechace con una nota.

verify-hours-title = Confirmar horas
verify-hours-intro = { $supervisor }: { $student } registró estas horas en { $organisation } ({ $kind }). Confirme que son correctas, o rechácelas con una nota.
verify-hours-listed = Horas por confirmar
verify-hours-total = Total
verify-hours-confirm = Confirmar estas horas
verify-hours-note = Si algo no es correcto, indique qué
verify-hours-decline = Rechazar
verify-hours-note-required = Para rechazar, escriba una nota breve que diga qué no es correcto.
verify-hours-privacy = Esta página muestra solo lo necesario para confirmar las horas. No necesita una cuenta.
verify-hours-confirmed = Gracias. Las horas quedan confirmadas.
verify-hours-declined = Gracias. El estudiante verá su nota.
verify-hours-used = Este enlace ya se usó. No hace falta nada más; si el estudiante registra más horas, puede enviar un enlace nuevo.
verify-hours-expired = Este enlace caducó. Pida al estudiante que envíe uno nuevo.
verify-hours-invalid = Este enlace no es válido. Compruebe que lo copió completo, o pida al estudiante uno nuevo.

mail-hours-verification-subject = Confirme las horas de { $student }
mail-hours-verification-body = Hola, { $supervisor }:

    { $student } registró horas en { $organisation } y le pidió que las confirme. Abra este enlace para confirmarlas o rechazarlas (no necesita una cuenta):

    { $link }

    El enlace funciona una vez, durante { $days } días.

## Changing an experience
exp-edit = Cambiar
exp-edit-title = Cambiar una experiencia
exp-edit-save = Guardar cambios
exp-edit-locked = Hay horas verificadas, así que el tipo, la organización y el supervisor quedan como los confirmó el supervisor. Aún puedes cambiar las fechas, tu reflexión y las habilidades.
exp-edit-kept-tags = Habilidades que ya no se ofrecen (se mantienen en esta experiencia)
exp-remove-hours = Quitar
exp-problem-hours-outside-dates = hay horas registradas fuera de estas fechas; quítalas primero.
error-experience-has-verified-hours = Hay horas verificadas en esta experiencia, así que su tipo, organización y supervisor no pueden cambiar.
error-hours-verified = Las horas verificadas no se pueden quitar.
