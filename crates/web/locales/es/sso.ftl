## Inicio de sesión único: botones y rechazos de la página de inicio de
## sesión, la página de proveedores de identidad, la página de cuentas.

sso-or = O inicie sesión con su cuenta del distrito
sso-refused-unknown-state = Ese enlace de inicio de sesión ya se usó o no empezó aquí. Empiece de nuevo con el botón de abajo.
sso-refused-expired = El inicio de sesión tardó demasiado. Empiece de nuevo con el botón de abajo.
sso-refused-provider-unavailable = El servicio de inicio de sesión del distrito no responde en este momento. Inténtelo de nuevo en unos minutos o inicie sesión con su contraseña.
sso-refused-provider-refused = El servicio de inicio de sesión del distrito no le dejó entrar. Empiece de nuevo o inicie sesión con su contraseña.
sso-refused-invalid-token = No se pudo confiar en la respuesta del servicio de inicio de sesión del distrito, así que no se inició la sesión. Inténtelo de nuevo; si sigue pasando, avise a su escuela.
sso-refused-missing-claim = El servicio de inicio de sesión del distrito no indicó quién es usted de una forma que ssp pueda usar. Avise al administrador de su escuela.
sso-refused-unknown-person = Inició sesión con el distrito, pero usted no está en la lista de este distrito en ssp. Si cree que debería estar, avise a su escuela.
sso-refused-ambiguous = Más de una persona de la lista coincide con esa cuenta del distrito. Avise al administrador de su escuela.
sso-refused-deactivated = Esta cuenta está desactivada. Pregunte en su escuela si cree que es un error.
sso-refused-no-account = Usted está en la lista, pero todavía no tiene cuenta en ssp. Pida al administrador de su escuela que le prepare una.

sso-providers-title = Proveedores de inicio de sesión
sso-providers-intro = Los proveedores de identidad del distrito (Google, Microsoft, Clever, ClassLink o cualquier servicio OpenID Connect). Las personas de la lista inician sesión con ellos; nadie más entra.
sso-providers-none = Todavía no hay proveedores: se inicia sesión solo con contraseña.
sso-providers-col-name = Botón
sso-providers-col-issuer = Emisor
sso-providers-col-client = ID de cliente
sso-providers-col-matching = Quién es quién
sso-providers-col-links = Cuentas vinculadas
sso-providers-col-action = Acción
sso-providers-remove = Quitar
sso-providers-add-heading = Agregar un proveedor
sso-providers-callback = Registre esta dirección de redirección en el proveedor: { $url }
sso-providers-name = Nombre en el botón («Iniciar sesión con …»)
sso-providers-issuer = Dirección del emisor
sso-providers-issuer-hint = Por ejemplo https://accounts.google.com. ssp lee la configuración del proveedor en esta dirección.
sso-providers-client-id = ID de cliente
sso-providers-client-secret = Secreto de cliente
sso-providers-secret-hint = ssp lo guarda y no lo vuelve a mostrar. Para cambiarlo, quite el proveedor y agréguelo de nuevo.
sso-providers-match-field = Campo de la lista que identifica a la persona
sso-providers-match-claim = Dato del token que se compara con él
sso-providers-claim-hint = Déjelo vacío para el habitual: email para el correo, sub para sourcedId, identifier para el número de estudiante.
sso-providers-add = Agregar proveedor
sso-providers-added = Proveedor agregado. Su botón está en la página de inicio de sesión.
sso-providers-removed = Proveedor quitado, junto con las cuentas vinculadas a través de él.
sso-providers-matching = Dato { $claim } = { $field }
sso-match-email = Correo en la lista
sso-match-sourced-id = sourcedId en la lista
sso-match-identifier = Número de estudiante (identifier de la lista)
sso-provider-error-required = Complete todos los campos.
sso-provider-error-too-long = Uno de los valores es demasiado largo.
sso-provider-error-invalid = Uno de los valores tiene caracteres no permitidos.
sso-provider-error-not-https = El emisor debe ser una dirección https://.
sso-provider-error-unknown-choice = Elija qué campo de la lista identifica a la persona.

accounts-title = Cuentas
accounts-intro = Busque a una persona para ver cómo inicia sesión, desactivar o activar su cuenta, o cerrar todas sus sesiones.
accounts-search-label = Nombre, usuario o correo
accounts-search = Buscar
accounts-none-found = Nadie del distrito coincide con esa búsqueda.
accounts-caption = Personas encontradas y cómo inician sesión
accounts-col-name = Nombre
accounts-col-username = Usuario
accounts-col-methods = Formas de iniciar sesión
accounts-col-last = Último inicio de sesión
accounts-col-status = Cuenta
accounts-col-action = Acción
accounts-method-password = Contraseña
accounts-method-no-password = Sin contraseña (solo inicio de sesión del distrito)
accounts-method-sso = { $provider }, usado por última vez { $when }
accounts-status-active = Activa
accounts-status-disabled = Desactivada
accounts-status-deactivated = Salió de la lista
accounts-status-none = Sin cuenta
accounts-never = Nunca
accounts-enable = Activar
accounts-disable = Desactivar
accounts-end-sessions = { $count ->
    [one] Cerrar sesión (1 sesión)
   *[other] Cerrar sesión ({ $count } sesiones)
}
accounts-done-disable = La cuenta está desactivada y sus sesiones se cerraron.
accounts-done-enable = La cuenta está activada.
accounts-done-end-sessions = Se cerraron todas las sesiones de la cuenta.
accounts-prepare-heading = Cuentas para las personas de la lista
accounts-prepare-intro = Cada estudiante, tutor y miembro del personal activo de la lista que no tenga cuenta recibe una, con su usuario de la lista y sin contraseña: inicia sesión con el proveedor del distrito hasta que acepte una invitación. La importación de la lista lo hace después de cada importación.
accounts-prepare = Preparar cuentas
accounts-prepared = { $count ->
    [one] Se preparó 1 cuenta.
   *[other] Se prepararon { $count } cuentas.
}

audit-action-sso-refused = Inicio de sesión del distrito rechazado
audit-action-identity-linked = Inicio de sesión del distrito vinculado
audit-action-identity-provider-saved = Proveedor de inicio de sesión agregado
audit-action-identity-provider-removed = Proveedor de inicio de sesión quitado
audit-action-accounts-prepared = Cuentas preparadas
audit-action-account-disabled = Cuenta desactivada
audit-action-account-enabled = Cuenta activada
audit-action-sessions-ended = Sesiones cerradas

error-unknown-action = Esa acción no es una de las que ofrece esta página. Vuelva atrás y use uno de sus botones.

nav-accounts = Cuentas

accounts-invite = Enviar la invitación otra vez
accounts-done-invite = La invitación se envió otra vez por correo electrónico.
accounts-invite-link = No hay un servidor de correo configurado. Entregue a la familia este enlace para crear su contraseña: { $link }
