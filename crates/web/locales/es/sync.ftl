## Sincronización del registro por la API REST de OneRoster 1.2 (/admin/roster/sync)

sync-title = Sincronización del registro (API de OneRoster)
sync-link = Sincronización del registro desde una API de OneRoster (ClassLink, Clever, su sistema de información estudiantil)
sync-intro = En lugar de subir archivos, ssp puede obtener el registro del distrito de una API de OneRoster 1.2. La primera ejecución obtiene todo; las siguientes solo lo que cambió desde entonces. Cada ejecución se aplica como un paquete subido: todo o nada, con sus problemas de filas en el historial de importaciones.
sync-status = Ejecuciones
sync-last-run = Última ejecución
sync-never-run = Todavía no se ha ejecutado.
sync-next-run = Próxima ejecución programada
sync-next-none = Ninguna: solo se ejecuta cuando usted la inicia.
sync-run-now = Ejecutar ahora
sync-run-full = Obtener todo, no solo los cambios
sync-run-busy = Hay otra importación o sincronización del registro en curso. Espere a que termine y vuelva a iniciarla.
sync-not-configured = Guarde los datos de conexión de abajo antes de la primera ejecución.
sync-history-link = Historial de importaciones
sync-settings = Conexión
sync-base-url = Dirección de la API de OneRoster
sync-base-url-hint = La dirección del servicio de registro, por ejemplo https://sis.example.org/ims/oneroster/rostering/v1p2. A una dirección sin /ims/oneroster/ se le añade la ruta de OneRoster 1.2.
sync-token-url = Dirección del token (OAuth 2.0)
sync-token-url-hint = Donde ssp pide un token de acceso con las credenciales del cliente, por ejemplo https://sis.example.org/oauth/token.
sync-client-id = ID de cliente
sync-client-secret = Secreto del cliente
sync-secret-set = Hay un secreto guardado. Nunca se muestra; deje este campo vacío para conservarlo o escriba uno nuevo para reemplazarlo.
sync-secret-not-set = Todavía no hay ningún secreto guardado.
sync-schedule = Programación
sync-schedule-hint = Con qué frecuencia ssp obtiene los cambios por sí mismo.
sync-schedule-off = Desactivada: solo cuando usted la ejecuta
sync-schedule-every = { $hours ->
    [1] Cada hora
    [168] Una vez por semana
   *[other] Cada { $hours } horas
}
sync-save = Guardar la conexión
sync-saved = Guardado. El secreto queda almacenado y no se volverá a mostrar.
sync-error-form = Hay datos que corregir; no se guardó nada.
sync-error-base_url = Escriba la dirección de la API completa, con https://.
sync-error-token_url = Escriba la dirección del token completa, con https://.
sync-error-client_id = Escriba el ID de cliente que le dio su proveedor.
sync-error-client_secret = Escriba el secreto del cliente que le dio su proveedor.
sync-error-every_hours = Elija una de las programaciones ofrecidas.

roster-refusal-sync-config = No se pueden usar los datos de sincronización. Revise las direcciones en la página de sincronización del registro. No se cambió nada.
roster-refusal-sync-credentials = La API de OneRoster rechazó el ID y el secreto del cliente. Verifíquelos con su proveedor y vuelva a guardarlos. No se cambió nada.
roster-refusal-sync-unreachable = ssp no pudo conectarse con la API de OneRoster. Revise la dirección o inténtelo más tarde. No se cambió nada.
roster-refusal-sync-timeout = La API de OneRoster no respondió a tiempo, ni siquiera tras varios intentos. No se cambió nada; inténtelo más tarde.
roster-refusal-sync-page-failed = La API de OneRoster no pudo enviar una parte del registro, ni siquiera tras varios intentos. No se cambió nada; inténtelo más tarde.
roster-refusal-sync-garbage = La API de OneRoster respondió con algo que no son datos de OneRoster. No se cambió nada; comuníquese con su proveedor si vuelve a ocurrir.
roster-refusal-sync-duplicate = La API de OneRoster envió el mismo registro dos veces, así que su respuesta no es fiable. No se cambió nada; inténtelo más tarde y comuníquese con su proveedor si vuelve a ocurrir.
