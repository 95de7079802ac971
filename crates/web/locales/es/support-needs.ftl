# Necesidades e intervenciones por niveles (issue 17).

needs-title = Necesidades
needs-intro = Lo que este estudiante necesita para que le vaya bien en la escuela, y lo que se está haciendo. Las necesidades de salud solo las leen la enfermera y el responsable del plan; las socioemocionales, el trabajador social y el responsable del plan.
needs-new = Registrar una necesidad
needs-new-open = Registrar una necesidad
needs-kind-hint = El tipo decide quién puede leerla: las necesidades de salud, visión o dentales quedan con la enfermera y el responsable del plan.
needs-save = Guardar la necesidad
needs-list = Necesidades registradas
needs-none = No hay necesidades registradas que pueda ver.
needs-update = Actualizar el estado o lo que se está haciendo
needs-update-save = Guardar la actualización
needs-keep-status = Mantener el estado
needs-hidden = { $count ->
    [one] 1 necesidad es restringida ({ $class }). Para abrirla hace falta un motivo, y se avisa al responsable del plan.
   *[other] { $count } necesidades son restringidas ({ $class }). Para abrirlas hace falta un motivo, y se avisa al responsable del plan.
}

need-kind-health = Salud
need-kind-vision-dental = Visión o dental
need-kind-food = Alimentación
need-kind-housing = Vivienda
need-kind-clothing = Ropa
need-kind-transportation = Transporte
need-kind-attendance-barrier = Algo impide que el estudiante venga a la escuela
need-kind-academic = Académica
need-kind-social-emotional = Socioemocional

need-status-identified = Identificada
need-status-in-progress = En curso
need-status-met = Atendida
need-status-no-longer-needed = Ya no hace falta

need-source-team = Identificada por el equipo
need-source-student-profile = Del perfil del estudiante

sn-choose = Elija…
sn-owner-me = Yo
sn-field-kind = Tipo
sn-field-description = Descripción
sn-field-what-is-being-done = Lo que se está haciendo
sn-field-source = Quién la identificó
sn-field-status = Estado
sn-field-strategy = Estrategia
sn-field-tier = Nivel
sn-field-owner = Responsable
sn-field-start-on = Fecha de inicio
sn-field-planned-weeks = Duración prevista (semanas)
sn-field-cadence = Cada cuánto se revisa el progreso
sn-field-measure = Qué se mide
sn-field-baseline = Punto de partida
sn-field-goal = Meta
sn-field-on = Fecha
sn-field-value = Valor
sn-field-note = Nota
sn-field-end = Cómo termina
sn-field-outcome = Resultado frente a la meta
sn-field-target = Id de la necesidad, meta o alerta
sn-field-name = Nombre
sn-field-key = Clave
sn-field-sensitivity = Clase
sn-field-reason = Motivo

sn-problem-required = es obligatorio.
sn-problem-too-long = es demasiado largo.
sn-problem-unknown-choice = no es una de las opciones.
sn-problem-invalid-number = no es un número.
sn-problem-out-of-range = está fuera del rango.
sn-problem-negative-number = no puede ser negativo.
sn-problem-too-large = es demasiado grande.
sn-problem-invalid-date = no es una fecha (use el selector o AAAA-MM-DD).
sn-problem-in-future = no puede ser posterior a hoy.
sn-problem-invalid-id = no es un id válido.
sn-problem-not-on-team = debe ser usted, el responsable del plan o alguien del equipo del estudiante.
sn-problem-unknown = no es de este estudiante.
sn-problem-duplicate = ya está en la biblioteca.
sn-problem-invalid-strategy-key = use de 2 a 60 letras minúsculas, dígitos y guiones bajos, empezando por una letra.
sn-problem-same-as-baseline = debe ser distinta del punto de partida.
sn-problem-too-short = es demasiado corto.
sn-problem-on-before-start = un punto de progreso no puede tener fecha anterior al inicio de la intervención.

tier-tier-1 = Nivel 1 (universal)
tier-tier-2 = Nivel 2 (focalizado)
tier-tier-3 = Nivel 3 (intensivo)

strategy-attendance-recognition = Reconocimiento de la asistencia
strategy-positive-behaviour-supports = Apoyos para la conducta positiva
strategy-advisory-check-ins = Seguimiento en tutoría
strategy-check-and-connect = Check & Connect
strategy-check-in-check-out = Registro de entrada y salida (CICO)
strategy-attendance-contract = Contrato de asistencia
strategy-family-attendance-conference = Reunión con la familia sobre la asistencia
strategy-daily-behaviour-report-card = Informe diario de conducta
strategy-small-group-tutoring = Tutoría en grupo pequeño
strategy-small-group-sel = Aprendizaje socioemocional en grupo pequeño
strategy-mentoring = Mentoría
strategy-credit-recovery = Recuperación de créditos
strategy-individual-tutoring = Tutoría individual
strategy-functional-behaviour-assessment = Evaluación funcional de la conducta
strategy-individual-counseling = Orientación individual
strategy-wraparound-services = Servicios integrales (wraparound)

interventions-title = Intervenciones
interventions-intro-staff = Apoyos dados a propósito, cada uno con un responsable, una meta y revisiones de progreso. El estudiante y los tutores solo ven los que se comparten con la familia.
interventions-intro-family = Los apoyos que da la escuela y cómo van.
interventions-new = Iniciar una intervención
interventions-new-open = Iniciar una intervención
interventions-tier-of-strategy = El nivel habitual de la estrategia
interventions-tier-hint = Déjelo así para usar el nivel al que suele servir la estrategia.
interventions-measure-hint = Por ejemplo: días de asistencia por semana, o tareas entregadas (%).
interventions-answers-need = La necesidad a la que responde
interventions-no-need = Ninguna
interventions-share = Compartir con el estudiante y la familia
interventions-share-hint = Si se comparte, el estudiante y los tutores con derechos educativos pueden verla y su progreso.
interventions-start = Iniciar la intervención
interventions-list = Intervenciones
interventions-none = Todavía no hay intervenciones.
interventions-shared = Compartida con la familia
interventions-staff-only = Solo personal
interventions-due = Próxima revisión del progreso: { $date }.
interventions-overdue = Revisión del progreso atrasada desde el { $date }.

intervention-status-active = Activa
intervention-status-completed = Completada
intervention-status-discontinued = Interrumpida
outcome-met = Meta alcanzada
outcome-partly-met = Meta alcanzada en parte
outcome-not-met = Meta no alcanzada
link-kind-need = Necesidad
link-kind-goal = Meta
link-kind-flag = Alerta temprana

intervention-progress = Progreso
intervention-chart-label = Progreso en { $measure }: { $count } puntos, punto de partida { $baseline }, meta { $goal }, último { $latest }. Los puntos también aparecen en la tabla de abajo.
intervention-chart-legend = La línea recta va del punto de partida al inicio hasta la meta al final previsto; los puntos son las mediciones.
intervention-no-points = Todavía no hay puntos de progreso.
intervention-points = Puntos de progreso
intervention-expected = En la línea de la meta
intervention-by = Registrado por
intervention-add-point = Añadir un punto de progreso
intervention-save-point = Guardar el punto
intervention-end = Terminar la intervención
intervention-end-open = Completar o interrumpir
intervention-complete = Completada según lo previsto
intervention-discontinue = Interrumpida antes de tiempo
intervention-end-save = Terminarla
intervention-sharing = Compartir con la familia
intervention-share = Compartir con el estudiante y la familia
intervention-unshare = Dejarla solo para el personal
intervention-links = A qué responde
intervention-no-links = No está vinculada a una necesidad, meta o alerta.
intervention-link = Vincular

strategies-title = Estrategias de intervención
strategies-intro = Las estrategias que el personal puede elegir al iniciar una intervención: la biblioteca incluida y, junto a ella, las del distrito.
strategies-own = Las estrategias del distrito
strategies-own-none = El distrito no ha añadido estrategias.
strategies-retired = Retirada
strategies-retire = Retirar
strategies-restore = Volver a ofrecer
strategies-key-hint = Una clave corta y estable: letras minúsculas, dígitos y guiones bajos (lectura_en_pareja).
strategies-add = Añadir la estrategia
strategies-shipped = Biblioteca incluida

error-illegal-need-move = Una necesidad no puede pasar a ese estado desde el actual.
error-illegal-intervention-move = Esta intervención ya terminó.
error-intervention-ended = Esta intervención terminó; no admite más puntos de progreso.
error-invalid-need = Revise los campos de la necesidad.
error-invalid-need-change = Revise el estado y lo que se está haciendo.
error-invalid-intervention = Revise los campos de la intervención.
error-invalid-progress-point = Revise el punto de progreso.
error-invalid-ending = Elija cómo termina la intervención y su resultado.
error-invalid-link = Revise a qué está vinculada la intervención.
error-invalid-strategy = Revise los campos de la estrategia.

audit-action-need-recorded = Necesidad registrada
audit-action-need-changed = Necesidad actualizada
audit-action-intervention-started = Intervención iniciada
audit-action-intervention-progress-recorded = Progreso de intervención registrado
audit-action-intervention-ended = Intervención terminada
audit-action-intervention-linked = Intervención vinculada
audit-action-intervention-sharing-changed = Cambio en compartir una intervención
audit-action-support-strategy-changed = Estrategia de intervención cambiada

student-needs = Necesidades
student-interventions = Intervenciones
