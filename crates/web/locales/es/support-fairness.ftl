## The fairness audit (/admin/support/fairness)
fairness-title = Equidad de las alertas tempranas
fairness-intro = La proporción de estudiantes con una alerta activa, por grupo. Los datos demográficos vienen del registro escolar y solo se usan aquí, en conjunto; ninguna regla los lee. No se muestran los grupos de menos de 10 estudiantes ni los que permitirían deducirlos.
fairness-kind = Alertas
fairness-kind-any = Cualquier alerta
fairness-kind-chronic-absence = Ausentismo crónico
fairness-kind-suspension = Suspensión
fairness-kind-course-failure = Curso reprobado
fairness-kind-low-gpa = Promedio bajo
fairness-kind-grade9-off-track = 9.º grado fuera de ruta
fairness-show = Mostrar
fairness-group = Grupo
fairness-students = Estudiantes
fairness-flagged = Con alerta
fairness-share = Proporción con alerta
fairness-percent = { $value } %
fairness-total = Todos los estudiantes
fairness-suppressed-small = No se muestra: menos de 10 estudiantes
fairness-suppressed-complementary = No se muestra: revelaría un grupo pequeño
fairness-source = Fuente: sexo y raza/etnia del archivo demográfico del registro escolar; no se cuentan los estudiantes sin él.
fairness-dimension-sex = Por sexo
fairness-dimension-race-ethnicity = Por raza y etnia
fairness-sex-female = Femenino
fairness-sex-male = Masculino
fairness-sex-unspecified = Sin especificar
fairness-sex-other = Otro
fairness-sex-not-reported = No informado
fairness-race-ethnicity-hispanic-latino = Hispano o latino
fairness-race-ethnicity-american-indian-alaska-native = Indígena americano o nativo de Alaska
fairness-race-ethnicity-asian = Asiático
fairness-race-ethnicity-black-african-american = Negro o afroamericano
fairness-race-ethnicity-native-hawaiian-pacific-islander = Nativo de Hawái o de otras islas del Pacífico
fairness-race-ethnicity-white = Blanco
fairness-race-ethnicity-two-or-more = Dos o más razas
fairness-race-ethnicity-not-reported = No informado

## Navigation
nav-my-flags = Mis alertas
nav-support-settings = Alerta temprana
nav-strategies = Estrategias de intervención

## The caseload's support filter
students-support = Apoyo
students-support-all = Todos los estudiantes
students-support-needs-support = Estudiantes que necesitan apoyo
students-support-chronic-absence = Alerta: ausentismo crónico
students-support-suspension = Alerta: suspensión
students-support-course-failure = Alerta: curso reprobado
students-support-low-gpa = Alerta: promedio bajo
students-support-grade9-off-track = Alerta: 9.º grado fuera de ruta
students-support-overdue-next-step = Alerta con el siguiente paso vencido
students-support-unowned = Alerta cuyo responsable ya no está
students-support-tier-2 = Intervención de nivel 2
students-support-tier-3 = Intervención de nivel 3
