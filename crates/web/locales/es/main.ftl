# Español. Cada id de mensaje debe existir también en en/main.ftl (una prueba lo comprueba).

app-name = ssp
app-tagline = Planes de Éxito Estudiantil
skip-to-content = Ir al contenido principal
nav-home = Inicio
language-label = Idioma
language-change = Cambiar idioma
footer-privacy = Los expedientes estudiantiles son privados. Cada acceso del personal queda registrado.

## Inicio de sesión
sign-in = Iniciar sesión
sign-in-title = Iniciar sesión en ssp
sign-in-intro = Estudiantes, familias y personal escolar inician sesión aquí.
sign-in-login-label = Usuario o correo electrónico
sign-in-password-label = Contraseña
sign-in-submit = Iniciar sesión
sign-in-failed = No pudimos iniciar su sesión. Revise su usuario o correo electrónico y su contraseña, y vuelva a intentarlo.
sign-in-locked = Demasiados intentos fallidos. Por su seguridad, vuelva a intentarlo en { $minutes } minutos.
sign-in-missing = Escriba su usuario o correo electrónico y su contraseña.
sign-in-too-long = Es demasiado largo para ser un usuario, un correo o una contraseña.
signed-out = Ha cerrado la sesión.
sign-out = Cerrar sesión

## Páginas de inicio
home-title = Inicio
welcome = Hola, { $name }
signed-in-as = Sesión iniciada como { $name } ({ $role })
role-student = Estudiante
role-guardian = Madre, padre o tutor
role-counselor = Consejero/a
role-social-worker = Trabajador/a social
role-nurse = Enfermero/a
role-family-partnership-specialist = Especialista en colaboración con las familias
role-community-school-coordinator = Coordinador/a de escuela comunitaria
role-teacher = Maestro/a
role-mentor-advisor = Mentor/a o asesor/a
role-school-admin = Administrador/a escolar
role-district-admin = Administrador/a del distrito
role-support-staff = Miembro del equipo del plan

home-student-intro = Este es tu Plan de Éxito Estudiantil. Es tuyo y te acompaña del grado 6 al grado 12.
home-student-school = Escuela
home-student-grade = Grado
home-student-graduation = Graduación prevista
home-student-pronouns = Pronombres
home-student-guardians = Tus contactos familiares
home-student-no-guardians = No hay contactos familiares registrados. Avísale a tu consejero/a si es un error.

relationship-parent = Madre o padre
relationship-guardian = Tutor/a legal
relationship-relative = Familiar
relationship-other = Otro
educational-rights-yes = Tiene derechos educativos
educational-rights-no = Sin derechos educativos
contact-language = Idioma de contacto: { $language }

home-guardian-intro = Estos son los estudiantes vinculados a su cuenta.
home-guardian-none = Todavía no hay estudiantes vinculados a su cuenta. Comuníquese con la escuela de su hijo o hija.
child-grade-school = Grado { $grade } en { $school }
child-graduation = Graduación prevista en { $year }

home-teacher-classes = Sus clases
home-teacher-none = No tiene clases activas en la lista.
class-students = { $count ->
    [one] 1 estudiante
   *[other] { $count } estudiantes
}
class-period = Periodo { $period }

home-schools = Sus escuelas
home-district-schools = Escuelas de su distrito
school-students = Estudiantes
school-staff = Personal
students-by-grade = Estudiantes por grado
staff-by-role = Personal por función
grade-n = Grado { $grade }
level-middle = Escuela intermedia
level-high = Escuela secundaria
district-totals = { $schools } escuelas, { $students } estudiantes
home-no-role = Su cuenta todavía no tiene una función. Pida a la administración del distrito que le asigne una.
home-no-schools = Todavía no está asignado/a a ninguna escuela.

## Errores
error-heading = No pudimos hacerlo
error-request-id = Id de solicitud: { $id }. Menciónelo si se comunica con soporte.
error-go-home = Ir a la página de inicio
error-not-found = Esa página no existe o usted no tiene acceso a ella.
error-method-not-allowed = Esa acción no está disponible aquí.
error-payload-too-large = Lo que envió es demasiado grande.
error-malformed-form = El formulario estaba incompleto o mal formado. Regrese y vuelva a intentarlo.
error-bad-request = No se pudo entender la solicitud. Regrese y vuelva a intentarlo.
error-csrf-failed = Este formulario caducó o vino de otro sitio. Regrese, recargue la página y vuelva a intentarlo.
error-internal = Algo salió mal de nuestro lado. No se cambió nada.
error-unavailable = ssp no puede comunicarse con su base de datos en este momento. Vuelva a intentarlo en un minuto.
error-too-many-requests = Demasiados intentos. Espere unos minutos y vuelva a intentarlo.
error-sign-in-required = Primero inicie sesión.
error-username-taken = Ese nombre de usuario ya está en uso.
error-email-taken = Ese correo electrónico ya está en uso.
error-already-exists = Eso ya existe.
error-invalid-reference = Eso se refiere a algo que no existe.
error-unsupported-language = Ese idioma no está disponible. Elija inglés o español.

## Navegación y listas
nav-label = Principal
nav-my-plan = Mi plan
nav-students = Estudiantes
nav-audit = Registro de auditoría
students-title = Estudiantes
students-caseload = Mis estudiantes asignados
students-all = Todos los que puedo ver
students-none = No hay estudiantes para mostrar aquí.
students-name = Nombre
students-local-id = Número de estudiante
students-summary = { $count } estudiantes · página { $page } de { $pages }
pager-label = Páginas
pager-previous = Página anterior
pager-next = Página siguiente

## Página de un estudiante
student-title = Estudiante
student-about = Sobre el estudiante
student-sections = Partes del plan
home-open-plan = Abrir el plan
sharing-title = Compartir con la familia
sharing-on = Compartes tu plan con tus padres o tutores.
sharing-off = Tienes 18 años o más, así que tus padres o tutores no pueden ver tu plan a menos que lo compartas.
sharing-start = Compartir mi plan con mi familia
sharing-stop = Dejar de compartir con mi familia

## Equipo
team-title = Equipo y acceso
team-plan-manager = Responsable del plan
team-no-plan-manager = Este estudiante todavía no tiene responsable del plan. Asigne uno abajo.
team-pm-history = Responsables anteriores
team-pm-term = { $name }, desde { $from } hasta { $until }
team-reassign = Nombrar a esta persona responsable del plan
team-reassign-submit = Asignar responsable
team-members = Equipo del plan
team-none = Todavía no hay nadie en el equipo.
team-remove = Quitar
team-add-person = Miembro del personal
team-add-role = Función en el equipo
team-add-submit = Agregar al equipo
team-who-sees = Quién puede ver qué
team-who = Quién
team-who-sees-note = "Con un motivo" significa que la persona debe explicar por qué antes de abrirlo; se avisa al responsable del plan y el acceso queda registrado.
team-done-added = Se agregó al equipo.
team-done-removed = Se quitó del equipo.
team-done-reassigned = Se cambió el responsable del plan.
team-error-choice = Elija un miembro del personal y una función de las listas.
team-error-not-at-school = Esa persona no trabaja en la escuela de este estudiante con esa función.
team-error-already = Esa persona ya está en el equipo con esa función.
can-see-yes = Sí
can-see-with-reason = Con un motivo
can-see-no = No
who-teachers = Maestros de sus clases actuales
who-school-staff = Consejeros y administradores de la escuela
who-district-admins = Administradores del distrito

## Tipos de registro
kind-plan = Plan
kind-team = Equipo
kind-access-log = Quién vio el plan
kind-sharing-choice = Decisión de compartir
kind-note-shared = Notas compartidas
kind-note-staff = Notas del personal
kind-note-restricted-health = Notas de salud
kind-note-restricted-social = Notas de servicios sociales

## Quién vio mi plan
access-log-title = Quién vio este plan
access-log-intro = Todas las personas, aparte del estudiante, que abrieron este plan o sus registros, de la más reciente a la más antigua.
access-log-none = Nadie más ha abierto este plan todavía.
access-log-when = Cuándo
access-log-who = Quién
access-log-as = Como
access-log-what = Qué
access-log-system = ssp
reason-own-record = El estudiante
reason-guardian = Madre, padre o tutor
reason-plan-manager = Responsable del plan
reason-team-member = Miembro del equipo del plan
reason-teacher = Maestro/a
reason-school-staff = Personal de la escuela
reason-district-admin = Administrador/a del distrito
reason-break-glass = Acceso de emergencia con motivo declarado

## Notas
notes-title = Notas
notes-new = Nota nueva
notes-sensitivity = Quién puede leerla
notes-save = Guardar nota
notes-none = No hay notas que usted pueda leer.
notes-error-empty = Escriba la nota antes de guardarla.
notes-error-long = Una nota puede tener como máximo { $max } caracteres.
sensitivity-shared = Compartida con el estudiante y la familia
sensitivity-staff = Solo personal
sensitivity-restricted-health = Restringida: salud
sensitivity-restricted-social = Restringida: servicios sociales
break-glass-hidden = { $count ->
    [one] 1 nota está restringida ({ $class }).
   *[other] { $count } notas están restringidas ({ $class }).
}
break-glass-reason = ¿Por qué necesita abrirla ahora?
break-glass-open = Abrir con este motivo
break-glass-error = Escriba un motivo de al menos { $min } caracteres para abrir una nota restringida.

## Avisos
notices-title = Avisos
notice-break-glass = { $actor } abrió notas restringidas de { $student }. Motivo: { $reason }

## Registro de auditoría
audit-title = Registro de auditoría
audit-student = Estudiante (id o número de estudiante)
audit-actor = Persona (nombre de usuario)
audit-from = Desde
audit-to = Hasta
audit-search = Buscar
audit-export = Descargar CSV
audit-none = Ningún evento coincide.
audit-action = Evento
audit-detail = Detalle
audit-error-student = Ningún estudiante de su distrito tiene ese id.
audit-error-actor = Ninguna cuenta tiene ese nombre de usuario.
audit-error-date = Las fechas deben tener la forma 2026-09-01.
audit-error-range = La fecha de inicio es posterior a la fecha final.
audit-action-sign-in = Inició sesión
audit-action-sign-in-failed = Inicio de sesión fallido
audit-action-sign-in-locked = Intento durante un bloqueo
audit-action-sign-out = Cerró sesión
audit-action-user-created = Cuenta creada
audit-action-demo-generated = Datos de demostración generados
audit-action-record-viewed = Vio un registro
audit-action-access-denied = Acceso rechazado
audit-action-break-glass = Acceso de emergencia
audit-action-team-member-added = Miembro agregado al equipo
audit-action-team-member-removed = Miembro quitado del equipo
audit-action-plan-manager-assigned = Responsable del plan asignado
audit-action-sharing-changed = Cambio en compartir
audit-action-note-created = Nota escrita
audit-action-audit-searched = Búsqueda en el registro de auditoría
audit-action-audit-exported = Exportación del registro de auditoría

## El plan
plan-up-to-date = Este plan está al día
plan-not-up-to-date = Este plan todavía no está al día
plan-status-as-of = Revisado con la regla del distrito el { $when }.
failure-not-reviewed-this-year = No se ha revisado ni firmado en este año escolar.
failure-missing-signature = La revisión de este año todavía necesita la firma de: { $who }.
failure-no-goal-in-domain = No hay una meta activa o cumplida en { $domain }.
failure-check-in-overdue = "{ $goal }" lleva { $days } días sin seguimiento (máximo { $allowed }).
failure-activity-overdue = { $activity } vencía el { $due }.
signer-student = el estudiante
signer-plan-manager = el responsable del plan
signer-guardian = la madre, el padre o el tutor
domain-academic = Académico
domain-career = Carrera
domain-sep = Social, emocional y físico
goals-none-in-domain = Todavía no hay metas aquí.
goal-add = Agregar una meta
goal-status-draft = Sugerida
goal-status-active = Activa
goal-status-met = Cumplida
goal-status-not-met = No cumplida
goal-status-revised = En revisión
goal-status-discontinued = Detenida
goal-progress-label = { $percent }% del camino hacia la meta
goal-next-check-in = próximo seguimiento antes del { $date }
goal-check-in-overdue = seguimiento atrasado desde el { $date }
activities-title = Actividades de este año
activities-none = No hay actividades para este grado.
activity-mark-done = Marcar como hecha
activity-exempt = Eximir
activity-exempt-reason = Motivo de la exención
activity-due = vence el { $date }
activity-status-done = Hecha
activity-status-exempt = Eximida
activity-status-due = Vence pronto
activity-status-overdue = Atrasada
activity-status-upcoming = Más adelante este año
activity-g6-first-goals = Fija tus primeras metas
activity-g6-interest-inventory = Completa el inventario de intereses
activity-g6-annual-review = Revisión anual del plan (grado 6)
activity-g7-career-exploration = Explora carreras
activity-g7-reflection = Escribe una reflexión sobre el año
activity-g7-annual-review = Revisión anual del plan (grado 7)
activity-g8-high-school-course-plan = Planifica tus cursos de secundaria
activity-g8-interest-inventory-update = Actualiza tu inventario de intereses
activity-g8-annual-review = Revisión anual del plan (grado 8)
activity-g9-four-year-plan-review = Revisa tu plan de cuatro años
activity-g9-first-portfolio-artifact = Agrega tu primer trabajo al portafolio
activity-g9-annual-review = Revisión anual del plan (grado 9)
activity-g10-work-based-learning = Participa en aprendizaje basado en el trabajo
activity-g10-career-pathway-choice = Elige una trayectoria profesional
activity-g10-annual-review = Revisión anual del plan (grado 10)
activity-g11-postsecondary-plan = Haz tu plan para después de la secundaria
activity-g11-college-career-visit = Visita una universidad o un lugar de trabajo
activity-g11-annual-review = Revisión anual del plan (grado 11)
activity-g12-capstone = Completa tu proyecto final
activity-g12-transition-plan = Termina tu plan de transición
activity-g12-portfolio-best-work = Elige tu mejor trabajo para el portafolio
activity-g12-annual-review = Revisión anual del plan (grado 12)
reflections-title = Reflexiones
reflections-none = Todavía no hay reflexiones.
reflection-prompt = Tema
reflection-body = Tu reflexión
reflection-save = Guardar reflexión
prompt-strengths = Mis fortalezas
prompt-improve = Lo que quiero mejorar
prompt-next = Lo que haré ahora
review-title = Revisión anual { $year }
review-signed-on = firmado el { $when }
review-not-signed = sin firmar
review-attempts = { $count ->
    [one] 1 intento de contactar a la familia registrado
   *[other] { $count } intentos de contactar a la familia registrados
}
review-sign = Firmar la revisión de este año
review-log-attempt = Registrar un intento de contactar a la familia
review-changes = Cambios desde el año pasado
change-goal-added = Meta nueva: { $goal }
change-goal-status = "{ $goal }" pasó de { $from } a { $to }

## Metas
goal-title = Meta
goal-new-title = Meta nueva
form-has-errors = Algunas respuestas necesitan corrección. Lea los mensajes junto a los campos.
goal-save = Guardar meta
goal-field-domain = Parte del plan
goal-field-statement = Mi meta
goal-field-why-it-matters = Por qué me importa
goal-field-measure-kind = Cómo la voy a medir
goal-field-baseline = Dónde estoy ahora
goal-field-target = Dónde quiero llegar
goal-field-due-date = Para cuándo
goal-field-cadence = Cada cuánto haré seguimiento
goal-hint-statement = Por ejemplo: Subir mi nota de matemáticas a una B.
goal-hint-baseline = Un porcentaje (0–100), un número, una calificación del 1 al 5, o sí/no, según cómo la midas.
goal-error-required = Complete este campo.
goal-error-too-short = Es muy corto: escribe al menos unas palabras.
goal-error-too-long = Es demasiado largo.
goal-error-invalid-measure-value = No corresponde con la forma de medir la meta.
goal-error-target-equals-baseline = La meta debe ser distinta de dónde estás ahora.
goal-error-invalid-date = Usa una fecha como 2027-06-15.
goal-error-date-in-past = La fecha no puede estar en el pasado.
goal-error-date-too-far = Elige una fecha dentro de los próximos seis años.
goal-error-invalid-choice = Elige una de las opciones.
goal-error-illegal-transition = Una meta no puede pasar a ese estado desde el actual.
goal-error-changed-meanwhile = Otra persona cambió esta meta hace un momento. Aquí está como quedó.
measure-percent = Porcentaje
measure-count = Cantidad
measure-scale = Calificación del 1 al 5
measure-yes-no = Sí o no
cadence-weekly = Cada semana
cadence-every-two-weeks = Cada dos semanas
cadence-monthly = Cada mes
goal-progress = Progreso
goal-summary = De { $baseline } hacia { $target } para el { $due }: { $percent }% del camino.
goal-suggested = Tu equipo te sugirió esta meta. Empiézala si quieres trabajar en ella.
goal-accept = Empezar esta meta
goal-change-status = Cambiar estado
goal-change-status-submit = Cambiar
checkin-new = Nuevo seguimiento
checkin-date = Fecha
checkin-value = Valor
checkin-value-percent = ¿Dónde estás ahora (porcentaje)?
checkin-value-count = ¿Dónde estás ahora (cantidad)?
checkin-value-scale = ¿Dónde estás ahora (1–5)?
checkin-value-yes-no = ¿Ya está hecho (sí o no)?
checkin-note = Nota
checkin-reflection = Mi reflexión
checkin-save = Guardar seguimiento
checkin-by = Por
checkins-title = Seguimientos
checkins-none = Todavía no hay seguimientos.
checkin-error-not-active = Solo se pueden agregar seguimientos a una meta activa.
checkin-error-date = Usa una fecha como 2026-11-02.
checkin-error-future = Un seguimiento no puede estar en el futuro.
checkin-error-value = Ese valor no corresponde con esta meta: { $detail }.
checkin-error-long = Las notas y reflexiones pueden tener como máximo { $max } caracteres.
chart-label = { $count } seguimientos; punto de partida { $baseline }, meta { $target }, último { $latest }.
chart-baseline = Punto de partida
chart-target = Meta
audit-action-goal-created = Meta creada
audit-action-goal-status-changed = Cambio de estado de una meta
audit-action-check-in-created = Seguimiento agregado
audit-action-reflection-created = Reflexión escrita
audit-action-activity-recorded = Actividad registrada
audit-action-review-signed = Revisión firmada
error-reflection-by-student-only = Solo el estudiante escribe sus reflexiones.
error-exempt-by-staff-only = Solo el personal de la escuela puede eximir una actividad.
error-exempt-reason-required = Indique el motivo de la exención (al menos 3 caracteres).
error-attempt-by-plan-manager-only = Solo el responsable del plan registra intentos de contactar a la familia.
error-cannot-sign = Usted no puede firmar esta revisión.
error-review-not-ready = La revisión se puede firmar cuando el plan tenga al menos una meta activa.
error-already-signed = Esta revisión ya tiene esa firma.
error-reflection-length = Una reflexión necesita entre 1 y 4000 caracteres.
students-status = Estado del plan
status-up-to-date = Al día
status-not-up-to-date = No está al día
status-overdue = { $count } seguimientos atrasados
students-filter = Mostrar
students-filter-all = Todos los planes
students-filter-not-up-to-date = No están al día
students-filter-up-to-date = Al día
students-filter-overdue = Seguimientos atrasados
students-filter-grade = Grado
students-filter-any-grade = Cualquier grado
students-filter-apply = Filtrar
students-filter-any-school = Cualquier escuela
students-sort = Ordenar por
students-sort-name = Nombre
students-sort-grade = Grado
students-sort-status = Primero los que necesitan atención
