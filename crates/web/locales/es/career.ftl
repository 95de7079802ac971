# Módulo de carreras (español). Cada id de mensaje debe existir también en en/career.ftl (una prueba lo comprueba).
# La cola de cada id es la clave guardada en Rust, tal cual (con sus guiones bajos).
# Registro: tú para el estudiante; los títulos de los pasos van en infinitivo porque también los leen familias y personal.

## Áreas de interés (RIASEC)
riasec-realistic = Realista
riasec-realistic-short = Te gusta trabajar con las manos, con herramientas, máquinas, plantas o animales.
riasec-realistic-explain = A las personas con intereses realistas les gusta el trabajo práctico que se puede ver y tocar: construir, reparar, cultivar o manejar máquinas. Muchas veces trabajan al aire libre, en talleres, en granjas o en obras de construcción. Ejemplos de carreras: electricista, mecánico automotriz, carpintero, agricultor, bombero.
riasec-investigative = Investigador
riasec-investigative-short = Te gusta hacer preguntas, resolver problemas y descubrir cómo funcionan las cosas.
riasec-investigative-explain = A las personas con intereses investigadores les gusta aprender, pensar y resolver misterios, muchas veces con ciencias o matemáticas. Trabajan en laboratorios, hospitales, universidades y empresas de tecnología. Ejemplos de carreras: científico, médico, técnico de laboratorio, ingeniero, científico de datos.
riasec-artistic = Artístico
riasec-artistic-short = Te gusta crear cosas y compartir tus ideas con arte, música, escritura o diseño.
riasec-artistic-explain = A las personas con intereses artísticos les gusta un trabajo donde puedan usar la imaginación y ser creativas, sin demasiadas reglas fijas. Trabajan en estudios, teatros, empresas de diseño, redacciones de noticias y muchas veces desde casa. Ejemplos de carreras: diseñador gráfico, músico, escritor, actor, arquitecto.
riasec-social = Social
riasec-social-short = Te gusta ayudar, enseñar y cuidar a otras personas.
riasec-social-explain = A las personas con intereses sociales les gusta trabajar con la gente: enseñarle, ayudarla, cuidarla o atenderla. Trabajan en escuelas, hospitales, centros comunitarios y oficinas de orientación. Ejemplos de carreras: maestro, enfermero, consejero escolar, trabajador social, entrenador.
riasec-enterprising = Emprendedor
riasec-enterprising-short = Te gusta dirigir, convencer a la gente y poner en marcha cosas nuevas.
riasec-enterprising-explain = A las personas con intereses emprendedores les gusta dirigir, tomar decisiones, arriesgarse y convencer a otros de sus ideas. Trabajan en oficinas y tiendas, en negocios propios y en el gobierno. Ejemplos de carreras: dueño de un negocio, gerente de ventas, abogado, agente de bienes raíces, gerente de restaurante.
riasec-conventional = Convencional
riasec-conventional-short = Te gusta mantener las cosas en orden y trabajar con números, registros y pasos claros.
riasec-conventional-explain = A las personas con intereses convencionales les gusta el trabajo con reglas claras y detalles, donde importa ser cuidadoso y ordenado. Trabajan en oficinas, bancos, hospitales y agencias del gobierno. Ejemplos de carreras: contador, cajero de banco, asistente administrativo, especialista en expedientes médicos, encargado de nóminas.

## Grupos de carreras: los 16 grupos nacionales tradicionales (National Career Clusters)
cluster-legacy-agriculture_food_natural_resources = Agricultura, Alimentos y Recursos Naturales
cluster-legacy-architecture_construction = Arquitectura y Construcción
cluster-legacy-arts_av_technology_communications = Artes, Tecnología Audiovisual y Comunicaciones
cluster-legacy-business_management_administration = Gestión y Administración de Empresas
cluster-legacy-education_training = Educación y Capacitación
cluster-legacy-finance = Finanzas
cluster-legacy-government_public_administration = Gobierno y Administración Pública
cluster-legacy-health_science = Ciencias de la Salud
cluster-legacy-hospitality_tourism = Hotelería y Turismo
cluster-legacy-human_services = Servicios Humanos
cluster-legacy-information_technology = Tecnología de la Información
cluster-legacy-law_public_safety_corrections_security = Derecho, Seguridad Pública, Correccionales y Seguridad
cluster-legacy-manufacturing = Manufactura
cluster-legacy-marketing = Mercadotecnia
cluster-legacy-stem = Ciencia, Tecnología, Ingeniería y Matemáticas
cluster-legacy-transportation_distribution_logistics = Transporte, Distribución y Logística

## Grupos de carreras: los 14 grupos del marco de 2024 (Advance CTE)
cluster-2024-advanced_manufacturing = Manufactura Avanzada
cluster-2024-agriculture = Agricultura
cluster-2024-arts_entertainment_design = Artes, Entretenimiento y Diseño
cluster-2024-construction = Construcción
cluster-2024-digital_technology = Tecnología Digital
cluster-2024-education = Educación
cluster-2024-energy_natural_resources = Energía y Recursos Naturales
cluster-2024-financial_services = Servicios Financieros
cluster-2024-healthcare_human_services = Atención Médica y Servicios Humanos
cluster-2024-hospitality_events_tourism = Hotelería, Eventos y Turismo
cluster-2024-management_entrepreneurship = Gestión y Emprendimiento
cluster-2024-marketing_sales = Mercadotecnia y Ventas
cluster-2024-public_service_safety = Servicio Público y Seguridad
cluster-2024-supply_chain_transportation = Cadena de Suministro y Transporte

## Valores del trabajo
value-achievement = Logro
value-achievement-explain = Quieres un trabajo donde uses tus habilidades y veas lo que lograste.
value-independence = Independencia
value-independence-explain = Quieres tomar tus propias decisiones y probar tus propias ideas en el trabajo.
value-recognition = Reconocimiento
value-recognition-explain = Quieres un trabajo que la gente respete, con la posibilidad de ascender.
value-relationships = Relaciones
value-relationships-explain = Quieres compañeros amables, la oportunidad de ayudar a otros y un trabajo que consideres correcto.
value-support = Apoyo
value-support-explain = Quieres jefes y una empresa que te traten con justicia, te respalden y te ayuden a aprender.
value-working_conditions = Condiciones de trabajo
value-working_conditions-explain = Quieres un buen sueldo, un trabajo estable y un buen lugar donde trabajar.

## Fortalezas
strength-working_with_hands = Trabajar con las manos
strength-math = Matemáticas
strength-reading_writing = Lectura y escritura
strength-science = Ciencias
strength-art_design = Arte y diseño
strength-music_performance = Música y artes escénicas
strength-helping_people = Ayudar a las personas
strength-leading_others = Dirigir a otros
strength-organizing = Organizar
strength-technology = Tecnología y computadoras
strength-speaking = Hablar en público
strength-sports_fitness = Deportes y actividad física

## Escalas de respuesta
inventory-answer-0 = No me gusta nada
inventory-answer-1 = No me gusta
inventory-answer-2 = No sé
inventory-answer-3 = Me gusta
inventory-answer-4 = Me gusta mucho
value-answer-1 = No es importante
value-answer-2 = Algo importante
value-answer-3 = Importante
value-answer-4 = Muy importante
strength-answer-1 = Todavía estoy aprendiendo
strength-answer-2 = Voy mejorando
strength-answer-3 = Se me da bien
strength-answer-4 = Es uno de mis puntos fuertes

## Zonas de empleo (cuánta preparación pide una ocupación, según O*NET)
job-zone-1 = Poca o ninguna preparación
job-zone-1-explain = Por lo general, un diploma de escuela secundaria (high school) o menos, y de unos días a unos meses de capacitación en el trabajo.
job-zone-2 = Algo de preparación
job-zone-2-explain = Por lo general, un diploma de escuela secundaria, más algo de experiencia o de unos meses a un año de capacitación.
job-zone-3 = Preparación media
job-zone-3-explain = Por lo general, una escuela técnica o de oficios, un programa de aprendizaje o un título de dos años (asociado).
job-zone-4 = Bastante preparación
job-zone-4-explain = Por lo general, un título universitario de cuatro años (licenciatura) y varios años de experiencia relacionada.
job-zone-5 = Mucha preparación
job-zone-5-explain = Por lo general, un posgrado, como una maestría, un doctorado o un título en medicina o derecho, y años de experiencia.

## Después de la escuela secundaria: caminos, estado de un programa, exploración
postsec-path-four_year = Universidad de cuatro años
postsec-path-two_year = Colegio comunitario o técnico de dos años
postsec-path-apprenticeship = Programa de aprendizaje
postsec-path-military = Servicio militar
postsec-path-certificate = Programa de certificado
postsec-path-work = Empezar a trabajar
postsec-status-researching = Investigando
postsec-status-applying = Preparando la solicitud
postsec-status-applied = Solicitud enviada
postsec-status-accepted = Solicitud aceptada
postsec-status-enrolled = Inscripción confirmada
exploration-career_fair = Feria de carreras
exploration-job_shadow = Un día en un lugar de trabajo
exploration-informational_interview = Entrevista informativa
exploration-research = Investigación
exploration-visit = Visita a un campus o lugar de trabajo

## Pasos clave por grado (títulos, luego una oración cada uno)
postsec-step-explore_careers = Explorar carreras que coincidan con tus intereses
postsec-step-explore_careers-explain = Completar el inventario de intereses y revisar las carreras que coinciden con el código de intereses.
postsec-step-four_year_course_plan = Hacer un plan de cursos para los cuatro años
postsec-step-four_year_course_plan-explain = Planear los cursos de 9.º a 12.º grado para cumplir los requisitos de graduación y mantener abiertas todas las opciones.
postsec-step-take_psat_or_preact = Presentar un examen de práctica (PSAT o PreACT)
postsec-step-take_psat_or_preact-explain = Un examen de práctica en 10.º grado muestra qué repasar antes del SAT o el ACT.
postsec-step-job_shadow = Acompañar a alguien en su trabajo por un día
postsec-step-job_shadow-explain = Pasar un día con una persona cuyo trabajo resulte interesante y hacerle preguntas.
postsec-step-take_psat_nmsqt = Presentar el PSAT/NMSQT
postsec-step-take_psat_nmsqt-explain = Se presenta en octubre de 11.º grado; también es el examen que da acceso a las becas National Merit.
postsec-step-take_asvab = Presentar el ASVAB
postsec-step-take_asvab-explain = Es el examen de aptitudes de las fuerzas armadas; muchas escuelas lo ofrecen gratis y sus resultados también ayudan a planear una carrera.
postsec-step-visit_colleges = Visitar universidades y programas
postsec-step-visit_colleges-explain = Visitar campus en persona o en línea y hablar con sus estudiantes.
postsec-step-take_sat_act = Presentar el SAT o el ACT
postsec-step-take_sat_act-explain = La mayoría lo presenta por primera vez en la primavera de 11.º grado; algunas universidades no piden el puntaje.
postsec-step-research_apprenticeships = Investigar programas de aprendizaje
postsec-step-research_apprenticeships-explain = Buscar programas de aprendizaje registrados en los oficios que interesan y averiguar qué piden a los solicitantes.
postsec-step-write_resume = Escribir un currículum
postsec-step-write_resume-explain = Reunir en una página los trabajos, el voluntariado, las habilidades y los premios.
postsec-step-meet_military_recruiter = Reunirse con un reclutador militar
postsec-step-meet_military_recruiter-explain = Preguntar por las ramas, los trabajos que ofrecen y lo que significa alistarse; conviene ir con un padre, una madre o un tutor.
postsec-step-apply_early = Enviar las solicitudes anticipadas
postsec-step-apply_early-explain = Los plazos de acción anticipada y de decisión anticipada suelen ser el 1 de noviembre; la decisión anticipada es un compromiso.
postsec-step-submit_css_profile = Enviar el CSS Profile
postsec-step-submit_css_profile-explain = Algunas universidades privadas piden este formulario adicional de ayuda financiera; hay que revisar la fecha límite de cada una.
postsec-step-submit_fafsa = Enviar la FAFSA
postsec-step-submit_fafsa-explain = El formulario federal de ayuda para estudiantes abre el 1 de octubre; enviarlo pronto puede significar más ayuda.
postsec-step-apply_regular = Enviar las solicitudes regulares
postsec-step-apply_regular-explain = Los plazos regulares suelen ser el 1 de enero o después; los colegios comunitarios suelen aceptar solicitudes hasta el verano.
postsec-step-apply_apprenticeships = Solicitar ingreso a programas de aprendizaje
postsec-step-apply_apprenticeships-explain = Enviar las solicitudes y prepararse para el examen de ingreso o la entrevista, si los hay.
postsec-step-decide_by_may_1 = Elegir universidad antes del 1 de mayo
postsec-step-decide_by_may_1-explain = El 1 de mayo es el Día Nacional de la Decisión Universitaria, cuando la mayoría de las universidades piden la respuesta y el depósito.
postsec-step-request_final_transcript = Pedir el expediente académico final
postsec-step-request_final_transcript-explain = Pedir a la escuela que envíe el expediente final a la universidad, el programa, el empleador o el reclutador.
