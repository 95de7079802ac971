//! The interest inventory's 60 items, in ssp's own words.
//!
//! Each item is a short, concrete work activity a grade-6 student can picture.
//! The student answers each on a five-point scale (0 strongly dislike … 4
//! strongly like); an area's score is the sum over its ten items (0–40).
//!
//! The wording is original to ssp: the O*NET Interest Profiler's items are not
//! used, because their licence terms could not be confirmed (see
//! `docs/CAREER.md`).

use super::Area;

/// One activity of the interest inventory, in English and Spanish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// The RIASEC area the activity counts towards.
    pub area: Area,
    /// English text, infinitive style ("Fix a bike").
    pub en: &'static str,
    /// Spanish text (Latin-American, infinitive style: "Arreglar una bicicleta").
    pub es: &'static str,
}

const fn item(area: Area, en: &'static str, es: &'static str) -> Item {
    Item { area, en, es }
}

use Area::{Artistic as A, Conventional as C, Enterprising as E, Investigative as I, Realistic as R, Social as S};

/// Interleaved R, I, A, S, E, C, R, I, … so areas alternate as the student answers.
pub const ITEMS: [Item; 60] = [
    // Round 1
    item(R, "Fix a bike", "Arreglar una bicicleta"),
    item(I, "Find out why the sky is blue", "Averiguar por qué el cielo es azul"),
    item(A, "Draw a comic strip", "Dibujar una historieta"),
    item(
        S,
        "Help a younger kid with homework",
        "Ayudar a un niño más pequeño con la tarea",
    ),
    item(
        E,
        "Sell snacks at a school event",
        "Vender bocadillos en un evento de la escuela",
    ),
    item(
        C,
        "Keep track of money in a budget",
        "Llevar las cuentas de un presupuesto",
    ),
    // Round 2
    item(R, "Take care of a sick animal", "Cuidar a un animal enfermo"),
    item(
        I,
        "Look at pond water under a microscope",
        "Observar agua de un estanque con un microscopio",
    ),
    item(A, "Act in a school play", "Actuar en una obra de teatro de la escuela"),
    item(
        S,
        "Coach a kids' soccer team",
        "Entrenar a un equipo de fútbol infantil",
    ),
    item(
        E,
        "Run for student council",
        "Presentarse a elecciones del consejo estudiantil",
    ),
    item(
        C,
        "Put books in order on library shelves",
        "Ordenar los libros en los estantes de una biblioteca",
    ),
    // Round 3
    item(
        R,
        "Build a birdhouse out of wood",
        "Construir una casita de madera para pájaros",
    ),
    item(
        I,
        "Test which paper towel soaks up the most water",
        "Probar qué toalla de papel absorbe más agua",
    ),
    item(A, "Write a short story", "Escribir un cuento"),
    item(
        S,
        "Listen to a friend who is upset",
        "Escuchar a alguien que está triste",
    ),
    item(
        E,
        "Lead a team on a group project",
        "Dirigir a un equipo en un proyecto de grupo",
    ),
    item(C, "Fill out forms carefully", "Llenar formularios con cuidado"),
    // Round 4
    item(R, "Grow vegetables in a garden", "Cultivar verduras en un huerto"),
    item(
        I,
        "Solve hard math puzzles",
        "Resolver acertijos de matemáticas difíciles",
    ),
    item(A, "Take and edit photos", "Tomar y editar fotos"),
    item(
        S,
        "Show a new student around the school",
        "Mostrarle la escuela a un estudiante nuevo",
    ),
    item(
        E,
        "Turn a hobby into a business",
        "Convertir un pasatiempo en un negocio",
    ),
    item(
        C,
        "Sort papers into folders from A to Z",
        "Ordenar papeles en carpetas de la A a la Z",
    ),
    // Round 5
    item(R, "Change a tire on a car", "Cambiar la llanta de un carro"),
    item(
        I,
        "Learn about the stars and planets",
        "Aprender sobre las estrellas y los planetas",
    ),
    item(A, "Sing in a band or choir", "Cantar en una banda o en un coro"),
    item(S, "Help at a food bank", "Ayudar en un banco de alimentos"),
    item(
        E,
        "Talk people into joining a club",
        "Convencer a otros de unirse a un club",
    ),
    item(C, "Make a schedule for a team", "Hacer el horario de un equipo"),
    // Round 6
    item(R, "Fix a leaky faucet", "Arreglar una llave que gotea"),
    item(
        I,
        "Find out what makes people sick",
        "Descubrir qué enferma a las personas",
    ),
    item(A, "Design a poster for an event", "Diseñar un cartel para un evento"),
    item(
        S,
        "Care for patients in a hospital",
        "Atender a pacientes en un hospital",
    ),
    item(
        E,
        "Plan a fundraiser for your school",
        "Organizar una colecta de fondos para tu escuela",
    ),
    item(
        C,
        "Count the money in a cash register",
        "Contar el dinero de una caja registradora",
    ),
    // Round 7
    item(R, "Drive a tractor on a farm", "Manejar un tractor en una granja"),
    item(
        I,
        "Collect rocks and learn what they are made of",
        "Juntar piedras y averiguar de qué están hechas",
    ),
    item(A, "Make a short video", "Grabar un video corto"),
    item(
        S,
        "Help classmates settle an argument",
        "Ayudar a compañeros a resolver una discusión",
    ),
    item(
        E,
        "Give a speech to win people over",
        "Dar un discurso para convencer al público",
    ),
    item(C, "Take notes at a meeting", "Tomar notas en una reunión"),
    // Round 8
    item(
        R,
        "Put together furniture from a kit",
        "Armar un mueble siguiendo las instrucciones",
    ),
    item(
        I,
        "Measure how plants grow in different light",
        "Medir cómo crecen las plantas con distinta luz",
    ),
    item(A, "Make up the steps of a dance", "Inventar los pasos de un baile"),
    item(S, "Read stories to young children", "Leerles cuentos a niños pequeños"),
    item(
        E,
        "Bargain for a better price",
        "Regatear para conseguir un mejor precio",
    ),
    item(
        C,
        "Label and store supplies in a closet",
        "Etiquetar y guardar materiales en un armario",
    ),
    // Round 9
    item(R, "Paint the walls of a room", "Pintar las paredes de un cuarto"),
    item(
        I,
        "Read about how the brain works",
        "Leer sobre cómo funciona el cerebro",
    ),
    item(A, "Design your own clothes", "Diseñar tu propia ropa"),
    item(
        S,
        "Teach someone to use a phone app",
        "Enseñarle a alguien a usar una aplicación",
    ),
    item(E, "Be in charge of a restaurant", "Estar a cargo de un restaurante"),
    item(
        C,
        "Plan a trip with times and costs",
        "Planear un viaje con horarios y costos",
    ),
    // Round 10
    item(
        R,
        "Use power tools to cut wood",
        "Usar herramientas eléctricas para cortar madera",
    ),
    item(
        I,
        "Do an experiment and write down the results",
        "Hacer un experimento y anotar los resultados",
    ),
    item(A, "Shape figures out of clay", "Hacer figuras de barro"),
    item(
        S,
        "Spend time with older people at a senior center",
        "Acompañar a adultos mayores en un centro de día",
    ),
    item(
        E,
        "Advertise a new product online",
        "Anunciar un producto nuevo en internet",
    ),
    item(
        C,
        "Make a chart from a list of numbers",
        "Hacer una gráfica con una lista de números",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn career_items_ten_per_area() {
        for a in Area::ALL {
            assert_eq!(ITEMS.iter().filter(|i| i.area == a).count(), 10, "{a:?}");
        }
    }

    #[test]
    fn career_items_interleave_in_riasec_order() {
        for (i, item) in ITEMS.iter().enumerate() {
            assert_eq!(item.area, Area::ALL[i % 6], "item {i}: {}", item.en);
        }
    }

    #[test]
    fn career_items_have_no_duplicate_text() {
        let en: HashSet<_> = ITEMS.iter().map(|i| i.en.to_lowercase()).collect();
        let es: HashSet<_> = ITEMS.iter().map(|i| i.es.to_lowercase()).collect();
        assert_eq!(en.len(), 60);
        assert_eq!(es.len(), 60);
    }

    #[test]
    fn career_items_are_short_and_tidy() {
        for i in ITEMS {
            for t in [i.en, i.es] {
                assert!(t.chars().count() <= 60, "too long: {t}");
                assert!(!t.is_empty() && t.trim() == t, "untidy: {t:?}");
                assert!(!t.ends_with('.'), "no full stop: {t}");
                assert!(t.chars().next().is_some_and(char::is_uppercase), "capital first: {t}");
            }
        }
    }
}
