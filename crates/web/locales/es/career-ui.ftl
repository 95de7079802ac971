## Páginas de carrera (el contenido de referencia está en career.ftl)
nav-careers = Carreras
nav-pathways = Trayectorias
career-title = Carrera
career-interests-title = Intereses
career-values-strengths-title = Valores laborales y fortalezas
career-not-yet = Todavía no
career-more = Más sobre carreras
career-error-note = La nota puede tener hasta 500 caracteres.

inventory-title = Inventario de intereses
inventory-intro-self = Responde 60 preguntas rápidas sobre actividades de trabajo. No hay respuestas correctas ni incorrectas, y tus respuestas se guardan a medida que avanzas.
inventory-progress = { $answered ->
    [one] 1 respondida
   *[other] { $answered } respondidas
}
inventory-saved-as-you-go = Tus respuestas se guardan a medida que avanzas. Puedes salir y volver.
inventory-choose = Elige una respuesta y luego pulsa Siguiente.
inventory-question = Pregunta { $number } de 60
inventory-prompt = ¿Qué te parecería:
inventory-next = Siguiente
inventory-back = Atrás
inventory-leave = Guardar y salir
inventory-results-title = Resultados del inventario de intereses
inventory-not-taken-self = Todavía no has hecho el inventario de intereses.
inventory-not-taken = El estudiante todavía no ha hecho el inventario de intereses.
inventory-start = Empezar el inventario
inventory-in-progress = En curso: { $answered } respondidas
inventory-draft-not-scored = Las puntuaciones aparecen cuando se responden las 60.
inventory-continue = Continuar
inventory-see-results = Ver los resultados
inventory-code-title = Código de intereses
inventory-no-code = Todavía no hay código de intereses: todas las áreas sumaron 0.
inventory-code-means = Las áreas de mayor interés son
inventory-scores-explain = La puntuación de cada área es la suma de sus 10 respuestas, de 0 a 40.
inventory-areas-title = Qué significa cada área
inventory-compare-title = Comparar años
inventory-area = Área
inventory-retake = Hacerlo de nuevo este año
inventory-chart-label = Puntuaciones de intereses sobre 40

matches-link = Carreras que encajan con estos intereses
matches-title = Carreras que encajan con mis intereses
matches-take-first = Primero haz el inventario de intereses; las coincidencias salen de sus resultados.
matches-flat = Todas las áreas de interés tienen la misma puntuación, así que ninguna carrera encaja mejor que otra. Vuelve a hacer el inventario el próximo año o explora las carreras.
matches-intro = Ordenadas según cuánto se parecen las calificaciones de intereses de cada carrera al perfil { $code } (el patrón de las seis puntuaciones).
matches-zones = Preparación necesaria
matches-apply = Mostrar
matches-count = { $count ->
    [one] 1 carrera ordenada
   *[other] { $count } carreras ordenadas
}
matches-fit = { $fit } % de coincidencia
matches-why-shape = Sus intereses más fuertes son { $areas }
matches-why-shared = Comparte tus intereses principales: { $areas }
matches-show-all = Mostrar todas
matches-unscored = { $count ->
    [one] 1 carrera no tiene calificaciones de intereses en O*NET y no se puede ordenar
   *[other] { $count } carreras no tienen calificaciones de intereses en O*NET y no se pueden ordenar
}

values-title = Valores laborales
values-intro = ¿Qué tan importante es cada una de estas cosas en un trabajo futuro? Deja en blanco las que no sepas; puedes volver.
strengths-title = Fortalezas
strengths-intro = ¿Qué tan bien haces cada una de estas cosas ahora? Sé sincero: esto es para ti.
ratings-error = No se pudo leer algo del formulario. Elige una respuesta por línea e inténtalo de nuevo.
ratings-save = Guardar
ratings-answer = Respuesta

saved-title = Mi lista de carreras
saved-none-self = Todavía no has guardado carreras. Guárdalas desde las coincidencias o desde la página de una carrera.
saved-none = Todavía no hay carreras guardadas.
saved-why = Por qué
saved-remove = Quitar
saved-add = Guardar en mi lista
saved-note = ¿Por qué te interesa esta carrera? (opcional)
occupation-retired = Ya no está en O*NET
occupations-browse = Explorar carreras

explorations-title = Exploración de carreras
exploration-new = Registrar una actividad de exploración
exploration-kind = Tipo de actividad
exploration-date = Fecha
exploration-what = ¿Qué hiciste?
exploration-reflection = ¿Qué aprendiste?
exploration-reflection-help = Unas frases: qué te sorprendió, qué te gustó o no, qué quieres averiguar después.
exploration-occupation = Sobre una carrera de mi lista (opcional)
exploration-goal = Evidencia para mi meta de carrera (opcional)
exploration-save = Guardar
explorations-none = Todavía no hay actividades de exploración registradas.
goal-evidence-title = Evidencia: exploración de carreras
exploration-evidence-for = Evidencia para la meta
exploration-error-kind = Elige un tipo de actividad.
exploration-error-date = Escribe la fecha en que ocurrió (no una fecha futura).
exploration-error-title = Di qué hiciste (hasta 200 caracteres).
exploration-error-reflection = Escribe qué aprendiste (hasta 2.000 caracteres).
exploration-error-goal = Esa meta no es una de tus metas de carrera.

occupations-title = Carreras
occupations-search = Buscar carreras
occupations-search-help = Un puesto o una palabra del puesto, en inglés: "nurse", "coder", "vet".
occupations-area = Área de interés
occupations-any = Cualquiera
occupations-zone = Preparación
occupations-cluster = Grupo de carreras
occupations-go = Buscar
occupations-none = Ninguna carrera coincide. Prueba con menos palabras u otro filtro.
occupations-found = { $count ->
    [one] 1 carrera
   *[other] { $count } carreras
}
occupation-title = Carrera
occupations-interests = Intereses más fuertes
occupation-no-interest-data = O*NET no tiene calificaciones de intereses para esta carrera.
job-zone-none = Preparación sin calificar
occupation-chart-label = Calificaciones de intereses de 1 a 7
occupation-interests = Intereses
occupation-high-points = Intereses más fuertes
occupation-scale = Las calificaciones van de 1 (nada) a 7 (muchísimo) según cuánto describe cada interés el trabajo.
occupation-preparation = Preparación necesaria
occupation-education = Estudios
occupation-experience = Experiencia
occupation-training = Capacitación
occupation-clusters = Grupos de carreras
occupation-also-called = También se llama
occupation-related = Carreras relacionadas
clusters-title = Grupos de carreras
clusters-intro = Los grupos de carreras reúnen carreras que necesitan conocimientos y habilidades parecidos. ssp muestra el marco de 2024 y los 16 grupos que muchos estados todavía usan.
clusters-district-pathways = Trayectorias y academias de nuestro distrito
clusters-2024 = Marco de 2024 (14 grupos)
clusters-legacy = National Career Clusters (16, anteriores)
clusters-2024-short = marco de 2024
clusters-legacy-short = anterior
clusters-crosswalk-note = ssp ubica las carreras en los grupos con su propia correspondencia a partir de sus códigos de ocupación; el distrito puede pedir cambios.

postsecondary-title = Plan después de la secundaria
postsec-from-grade-9 = El plan después de la secundaria empieza en el grado 9. Hasta entonces se puede leer pero no cambiar.
postsec-paths-title = Caminos que estoy considerando
postsec-paths-question = Después de la secundaria pienso
postsec-paths-save = Guardar mis caminos
postsec-programs-title = Programas y escuelas
postsec-programs-none = Todavía no hay programas ni escuelas.
postsec-status = Estado
postsec-status-save = Actualizar
postsec-program-new = Añadir un programa o escuela
postsec-program-name = Programa, escuela o empleador
postsec-program-path = Camino
postsec-program-note = Nota (opcional)
postsec-program-add = Añadir
postsec-steps-title = Pasos clave
postsec-step-done = Hecho
postsec-step-overdue = Atrasado
postsec-step-due = vence
postsec-step-undo = No hecho
postsec-step-mark-done = Marcar como hecho
postsec-step-new = Añadir un paso propio
postsec-step-title = Paso
postsec-step-add = Añadir
postsec-comments-title = Comentarios del equipo
postsec-comments-none = Todavía no hay comentarios.
postsec-comment-new = Su comentario
postsec-comment-add = Añadir comentario
postsec-error-paths = Elige al menos un camino.
postsec-error-program = Da al programa un nombre (hasta 200 caracteres), un camino y un estado; la nota puede tener hasta 500 caracteres.
postsec-error-step = Da al paso un título y una fecha límite (AAAA-MM-DD).
postsec-error-comment = Escriba un comentario de hasta 2.000 caracteres.

pathways-title = Trayectorias profesionales
pathways-intro = Las trayectorias y academias propias del distrito. Vincule cada una a un grupo de carreras para que los estudiantes exploren sus carreras; la planificación de cursos las vinculará con cursos más adelante.
pathways-none = Todavía no hay trayectorias.
pathway-remove = Quitar
pathway-new = Añadir una trayectoria
pathway-name = Nombre
pathway-description = Descripción
pathway-add = Añadir trayectoria
pathway-error-name = Dé un nombre a la trayectoria (hasta 200 caracteres).
pathway-error-description = La descripción puede tener hasta 2.000 caracteres.
pathway-error-cluster = Elija al menos un grupo de carreras.
pathway-error-taken = El distrito ya tiene una trayectoria con ese nombre.

error-inventory-by-student-only = Solo el estudiante responde su inventario de intereses.
error-ratings-by-student-only = Solo el estudiante califica sus propios valores laborales y fortalezas.
error-career-list-by-student-only = Solo el estudiante cambia su lista de carreras.
error-exploration-by-student-only = Solo el estudiante registra sus actividades de exploración.
error-postsecondary-by-student-only = Solo el estudiante cambia su plan después de la secundaria; el equipo puede comentarlo.
error-postsecondary-from-grade-9 = El plan después de la secundaria empieza en el grado 9.
error-postsecondary-comment-by-staff-only = Solo el equipo del estudiante comenta el plan después de la secundaria.
error-invalid-answer = Esa respuesta no está en la escala. Vuelve y elige una de las respuestas.
error-pathway-name-taken = El distrito ya tiene una trayectoria con ese nombre.
error-evidence-not-a-career-goal = Esa meta no es una de las metas de carrera del estudiante.
error-unknown-program-status = Ese estado no es una de las opciones.

## The students list
students-filter-cluster = Interesados en (carreras guardadas)
students-filter-any-cluster = Cualquier grupo
students-interest = Inventario de intereses
students-inventory-done = Hecho
students-inventory-in-progress = En curso
students-inventory-not-taken = Sin hacer
error-students-list-staff-only = La lista de estudiantes es para el personal; los estudiantes y las familias abren sus planes desde la página de inicio.

onet-attribution = Este producto incluye información de la base de datos O*NET 29.3 del Departamento de Trabajo de los EE. UU., Administración de Empleo y Capacitación (USDOL/ETA), usada bajo la licencia CC BY 4.0. O*NET® es una marca registrada de USDOL/ETA. ssp muestra tablas seleccionadas tal como se publicaron y añade su propia correspondencia con los grupos de carreras.
