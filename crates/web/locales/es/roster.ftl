# Importación del padrón: mensajes para la lectura flexible, los resúmenes honestos y las funciones conservadas.
roster-severity-warning = Advertencia
roster-kind-other-roles = Otras funciones (auxiliar, supervisor de exámenes)
roster-nothing-loaded = No se cargó nada: todas las filas del paquete tenían un problema. Corrija las filas indicadas abajo en su sistema de información estudiantil e impórtelo de nuevo.
roster-refusal-several-problems = El paquete tiene varios problemas; cada uno se indica abajo. Corríjalos todos y vuelva a importarlo.
