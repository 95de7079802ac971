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
