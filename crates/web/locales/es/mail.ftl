# Correo, invitaciones, restablecer la contraseña, cambiarla, inicio de
# sesión en dos pasos (issue 13). Usted para familias y personal.

sign-in-forgot = ¿Olvidó su contraseña?
sign-in-have-code = Tengo un código de invitación
sign-in-done-reset = Su contraseña quedó guardada. Inicie sesión con ella.
sign-in-done-invitation = Su contraseña quedó guardada y su correo, confirmado. Inicie sesión con su usuario o correo.
sign-in-done-mfa-restart = Ese inicio de sesión caducó o tuvo demasiados códigos incorrectos. Inicie sesión de nuevo.
sign-in-missing-login = Escriba su usuario o correo electrónico.
account-link = Cuenta
back-to-sign-in = Volver a iniciar sesión

mfa-code-title = Inicio de sesión en dos pasos
mfa-code-intro = Escriba el código de seis dígitos que muestra su aplicación de autenticación para ssp, o uno de sus códigos de recuperación.
mfa-code-label = Código
mfa-code-hint = Seis dígitos, o un código de recuperación como ABCDE-FGHJK.
mfa-code-submit = Continuar
mfa-enrol-title = Inicio de sesión en dos pasos
mfa-enrol-intro = Su distrito pide un segundo paso al iniciar sesión. Escanee este código con una aplicación de autenticación (como la que trae su teléfono) y escriba los seis dígitos que muestra.
mfa-qr-label = Código QR para escanear con una aplicación de autenticación
mfa-enrol-manual = O escriba esta clave a mano:
mfa-enrol-uri = Mostrar el enlace de configuración como texto
mfa-enrol-code-label = Código de seis dígitos de la aplicación
mfa-enrol-submit = Activar el inicio de sesión en dos pasos
mfa-enabled = El inicio de sesión en dos pasos está activado en su cuenta.
mfa-codes-left = { $count ->
    [one] Le queda un código de recuperación sin usar.
   *[other] Le quedan { $count } códigos de recuperación sin usar.
}
mfa-recovery-title = Sus códigos de recuperación
mfa-recovery-intro = Guarde estos códigos en un lugar seguro. Cada uno le permite iniciar sesión una vez si pierde su teléfono. Solo se muestran ahora.
mfa-recovery-continue = Ya los guardé: continuar

password-change-title = Cambiar su contraseña
password-changed = Su contraseña cambió. Se cerraron sus otras sesiones.
password-rule = Use al menos 12 caracteres. Unas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar; no se aceptan contraseñas comunes ni su propio nombre.
password-current-label = Contraseña actual
password-new-label = Contraseña nueva
password-confirm-label = Repita la contraseña nueva
password-change-submit = Cambiar la contraseña
password-username = Su usuario: { $username }
password-set-submit = Guardar la contraseña

reset-title = Restablecer su contraseña
reset-intro = Escriba su usuario o correo electrónico. Si una cuenta con correo lo tiene, le enviamos un enlace para elegir una contraseña nueva. El enlace sirve una vez, durante una hora.
reset-submit = Enviar el enlace
reset-sent = Si una cuenta coincide con lo que escribió, le llegará un enlace al correo registrado. Revise su bandeja de entrada en unos minutos.
reset-set-title = Elegir una contraseña nueva
reset-set-intro = Elija una contraseña nueva. Se cerrará la sesión en todos los dispositivos conectados a su cuenta.
reset-ask-again = Pedir un enlace nuevo

invitation-title = Configurar su cuenta
invitation-intro = Bienvenido/a, { $name }. Elija una contraseña para ver el plan de su hijo o hija.
invitation-code-intro = Escriba el código impreso en su carta de invitación.
invitation-code-label = Código de invitación
invitation-code-submit = Continuar
invitation-letter-title = Carta de invitación
invitation-letter-back = Volver al equipo
invitation-letter-print = Imprimir la carta
invitation-copy-notice = No hay un servidor de correo configurado, así que no se envió nada. Copie este enlace y entrégueselo a la familia; sirve una vez.
letter-greeting = Estimado/a { $name }:
letter-body = La escuela de su hijo o hija usa ssp para el plan de éxito de cada estudiante. Para ver el plan de su hijo o hija y firmar las revisiones, abra la dirección de abajo y escriba el código.
letter-copy-body = La escuela de su hijo o hija usa ssp para el plan de éxito de cada estudiante. Abra este enlace para elegir su contraseña.
letter-code-label = Su código:
letter-link-label = Dirección:
letter-expires = Esta invitación sirve una vez, hasta el { $date }.

team-done-invited = La invitación va en camino por correo electrónico.
guardian-joined = Registrado/a
guardian-invited = Invitado/a el { $date }
guardian-invitation-expired = Invitación caducada
guardian-never-invited = Nunca invitado/a
invite-by-email = Invitar por correo
invite-by-letter = Imprimir una carta
invite-school-link = Invitar a todas las familias de esta escuela
invite-school-title = Invitar a todas las familias
invite-school-count = { $count ->
    [one] Una familia aún no se ha registrado.
   *[other] { $count } familias aún no se han registrado.
}
invite-school-progress = Invitando: { $done } de { $total } familias ({ $invited } por correo, { $skipped } sin correo electrónico). Esta página se actualiza sola.
invite-school-finished = Terminado: { $invited } familias invitadas por correo, { $skipped } sin correo electrónico (imprima cartas para ellas desde la página del equipo de cada estudiante).
invite-school-no-smtp = No hay un servidor de correo configurado, así que las familias solo pueden invitarse por carta, una a una.
invite-school-submit = Invitarlas por correo

settings-sign-in = Inicio de sesión
settings-require-mfa = Exigir el inicio de sesión en dos pasos a administradores del distrito, administradores escolares y consejeros
settings-require-mfa-hint = Se aplica al inicio de sesión con contraseña; el inicio de sesión único con el proveedor del distrito usa el segundo paso del propio proveedor.
settings-invitation-days = Días que una invitación a una familia sigue válida (1–90)
settings-sign-in-save = Guardar los ajustes de inicio de sesión

mail-reset-subject = Restablecer su contraseña de ssp
mail-reset-body = Hola, { $name }:

    Alguien pidió restablecer la contraseña de la cuenta de ssp { $username }. Para elegir una contraseña nueva, abra este enlace antes de una hora:

    { $link }

    Si no fue usted, ignore este correo: su contraseña no cambia.
mail-invitation-subject = Su invitación al plan de éxito de su hijo o hija
mail-invitation-body = Hola, { $name }:

    La escuela de su hijo o hija usa ssp para el plan de éxito de cada estudiante. Para ver el plan de su hijo o hija, abra este enlace y elija una contraseña:

    { $link }

    El enlace sirve una vez y caduca en { $days } días.

error-link-unknown = Este enlace o código no es válido. Compruebe que lo copió completo, o pida uno nuevo.
error-link-used = Este enlace o código ya se usó. Inicie sesión, o pida uno nuevo.
error-link-expired = Este enlace o código caducó. Pida uno nuevo.
error-password-current-wrong = Su contraseña actual no es correcta. No se cambió nada.
error-password-unchanged = La contraseña nueva es igual a la actual.
error-password-mismatch = Las dos contraseñas nuevas no coinciden.
error-password-too-short = La contraseña debe tener al menos 12 caracteres.
error-password-too-long = La contraseña debe tener como máximo 128 caracteres.
error-password-common = Esa contraseña es de las más comunes y se adivinaría enseguida. Elija otra.
error-password-weak = Esa contraseña es demasiado fácil de adivinar (letras repetidas, una secuencia, un nombre o una fecha). Añada unas palabras sin relación entre sí.
error-invitation-days-invalid = Escriba un número de días entre 1 y 90.
error-reset-rate-limited = Demasiadas solicitudes desde aquí. Espere 15 minutos e inténtelo de nuevo.
error-may-not-invite = Solo el responsable del plan o un administrador escolar puede invitar a esta familia.
error-guardian-already-joined = Este familiar ya configuró su cuenta.
error-guardian-has-no-email = No hay un correo electrónico para este familiar. Imprima una carta.
error-smtp-not-configured = No hay un servidor de correo configurado. Invite a las familias por carta.
error-mfa-code-wrong = Ese código no es correcto. Revise la hora de su teléfono y pruebe el código más reciente.
