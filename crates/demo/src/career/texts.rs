//! The career content's fixed tables: occupations students save, by
//! interest area; exploration activities with reflections (English and
//! Spanish); notes on saved careers; programs after high school; and a
//! district's pathways. Every code is an O*NET-SOC code of the shipped
//! release (a test checks them against `Occupation Data.txt`).

use ssp_domain::career::postsecondary::PostsecondaryPath;

/// Occupations a student with this area first (R, I, A, S, E, C order)
/// might save: each one's first O*NET interest high point is that area.
pub(crate) const BY_AREA: [&[&str]; 6] = [
    // Realistic
    &[
        "49-3023.00", // Automotive Service Technicians and Mechanics
        "47-2111.00", // Electricians
        "33-2011.00", // Firefighters
        "31-9096.00", // Veterinary Assistants and Laboratory Animal Caretakers
        "29-1131.00", // Veterinarians
        "17-2141.00", // Mechanical Engineers
        "17-2051.00", // Civil Engineers
        "47-2152.00", // Plumbers, Pipefitters, and Steamfitters
        "49-3011.00", // Aircraft Mechanics and Service Technicians
        "53-2011.00", // Airline Pilots, Copilots, and Flight Engineers
        "29-2034.00", // Radiologic Technologists and Technicians
        "27-4021.00", // Photographers
        "51-3011.00", // Bakers
        "33-3051.00", // Police and Sheriff's Patrol Officers
        "39-5012.00", // Hairdressers, Hairstylists, and Cosmetologists
    ],
    // Investigative
    &[
        "15-1252.00", // Software Developers
        "19-1029.04", // Biologists
        "19-2021.00", // Atmospheric and Space Scientists
        "15-2041.00", // Statisticians
        "15-1211.00", // Computer Systems Analysts
        "19-1022.00", // Microbiologists
        "29-1051.00", // Pharmacists
        "19-1012.00", // Food Scientists and Technologists
        "15-1255.00", // Web and Digital Interface Designers
    ],
    // Artistic
    &[
        "27-1024.00", // Graphic Designers
        "27-1014.00", // Special Effects Artists and Animators
        "27-2012.00", // Producers and Directors
        "27-3023.00", // News Analysts, Reporters, and Journalists
        "27-1022.00", // Fashion Designers
        "27-2042.00", // Musicians and Singers
        "27-1013.00", // Fine Artists, Including Painters, Sculptors, and Illustrators
    ],
    // Social
    &[
        "29-1141.00", // Registered Nurses
        "29-1123.00", // Physical Therapists
        "29-9091.00", // Athletic Trainers
        "29-1292.00", // Dental Hygienists
        "25-2021.00", // Elementary School Teachers, Except Special Education
        "21-1012.00", // Educational, Guidance, and Career Counselors and Advisors
        "21-1021.00", // Child, Family, and School Social Workers
        "29-2042.00", // Emergency Medical Technicians
        "25-2031.00", // Secondary School Teachers
        "39-9011.00", // Childcare Workers
        "29-1071.00", // Physician Assistants
        "29-1221.00", // Pediatricians, General
        "29-1122.00", // Occupational Therapists
        "31-2021.00", // Physical Therapist Assistants
    ],
    // Enterprising
    &[
        "35-1011.00", // Chefs and Head Cooks
        "11-9051.00", // Food Service Managers
        "41-2031.00", // Retail Salespersons
        "11-2021.00", // Marketing Managers
        "13-2052.00", // Personal Financial Advisors
        "41-9022.00", // Real Estate Sales Agents
        "13-1161.00", // Market Research Analysts and Marketing Specialists
        "11-9111.00", // Medical and Health Services Managers
        "13-1121.00", // Meeting, Convention, and Event Planners
        "27-3031.00", // Public Relations Specialists
        "11-1021.00", // General and Operations Managers
    ],
    // Conventional
    &[
        "13-2011.00", // Accountants and Auditors
        "43-4051.00", // Customer Service Representatives
        "43-6014.00", // Secretaries and Administrative Assistants
        "15-1254.00", // Web Developers
        "11-3021.00", // Computer and Information Systems Managers
        "43-3031.00", // Bookkeeping, Accounting, and Auditing Clerks
        "23-2011.00", // Paralegals and Legal Assistants
        "13-2082.00", // Tax Preparers
        "25-4031.00", // Library Technicians
    ],
];

/// Why a student saved a career (English, Spanish).
pub(crate) const SAVED_NOTES: &[(&str, &str)] = &[
    ("Sounds fun", "Suena divertido"),
    ("Good pay and lots of jobs", "Buen sueldo y muchos empleos"),
    ("My uncle does this", "Mi tío trabaja en esto"),
    ("Want to learn more about it", "Quiero saber más sobre esto"),
    ("Saw this at the career fair", "Lo vi en la feria de carreras"),
    (
        "I like that you help people every day",
        "Me gusta que ayudas a la gente todos los días",
    ),
    (
        "Could start after a two-year program",
        "Se puede empezar después de un programa de dos años",
    ),
    (
        "Ask my counselor about classes for this",
        "Preguntarle a mi consejera qué clases tomar",
    ),
    ("Maybe, if I get better at math", "Tal vez, si mejoro en matemáticas"),
    ("Working outside would be great", "Trabajar al aire libre sería genial"),
];

/// One exploration activity a student logs.
pub(crate) struct Exploration {
    pub kind: &'static str,
    /// The interest area (R, I, A, S, E, C order) it suits.
    pub area: usize,
    pub code: Option<&'static str>,
    pub title: (&'static str, &'static str),
    pub reflection: (&'static str, &'static str),
}

const fn ex(
    kind: &'static str,
    area: usize,
    code: Option<&'static str>,
    title: (&'static str, &'static str),
    reflection: (&'static str, &'static str),
) -> Exploration {
    Exploration {
        kind,
        area,
        code,
        title,
        reflection,
    }
}

pub(crate) const EXPLORATIONS: &[Exploration] = &[
    ex(
        "career_fair",
        3,
        None,
        ("Fall career fair in the gym", "Feria de carreras de otoño en el gimnasio"),
        (
            "Talked to a nurse and a firefighter. The nurse said the schedule is hard but she loves it.",
            "Hablé con una enfermera y un bombero. La enfermera dijo que el horario es difícil pero le encanta.",
        ),
    ),
    ex(
        "career_fair",
        4,
        None,
        ("Harbor City job and career expo", "Exposición de empleos y carreras de Harbor City"),
        (
            "Lots of booths. I got a flyer about a summer internship at the bank.",
            "Muchos puestos. Me dieron un folleto sobre una pasantía de verano en el banco.",
        ),
    ),
    ex(
        "job_shadow",
        0,
        Some("49-3023.00"),
        ("Shadowed a mechanic at a repair shop", "Acompañé a un mecánico en un taller"),
        (
            "They use computers to find what is wrong with a car. More tech than I expected.",
            "Usan computadoras para encontrar la falla del carro. Más tecnología de lo que pensaba.",
        ),
    ),
    ex(
        "job_shadow",
        3,
        Some("29-1123.00"),
        ("Half a day at a physical therapy clinic", "Medio día en una clínica de fisioterapia"),
        (
            "Watched the therapist help a man walk after knee surgery. You need a lot of patience.",
            "Vi a la terapeuta ayudar a un señor a caminar después de una operación de rodilla. Se necesita mucha paciencia.",
        ),
    ),
    ex(
        "job_shadow",
        1,
        Some("15-1252.00"),
        ("Shadowed a software developer", "Acompañé a una desarrolladora de software"),
        (
            "Most of the day was meetings and fixing bugs. She said teamwork matters as much as coding.",
            "Casi todo el día fueron reuniones y arreglar errores. Dijo que el trabajo en equipo importa tanto como programar.",
        ),
    ),
    ex(
        "job_shadow",
        0,
        Some("31-9096.00"),
        ("Morning at the animal hospital", "Una mañana en el hospital de animales"),
        (
            "I held a dog while the vet tech gave it a shot. Cleaning cages is part of the job too.",
            "Sostuve a un perro mientras el técnico le ponía una vacuna. Limpiar jaulas también es parte del trabajo.",
        ),
    ),
    ex(
        "informational_interview",
        4,
        Some("35-1011.00"),
        ("Interviewed the chef at my aunt's restaurant", "Entrevisté al chef del restaurante de mi tía"),
        (
            "He started as a dishwasher. He said culinary school helped but working in kitchens helped more.",
            "Empezó lavando platos. Dijo que la escuela de cocina ayudó, pero trabajar en cocinas ayudó más.",
        ),
    ),
    ex(
        "informational_interview",
        5,
        Some("13-2011.00"),
        ("Talked with an accountant (a family friend)", "Hablé con un contador (amigo de la familia)"),
        (
            "Tax season is really busy. He likes that the work is steady and he can work from home sometimes.",
            "La temporada de impuestos es muy ocupada. Le gusta que el trabajo es estable y a veces trabaja desde casa.",
        ),
    ),
    ex(
        "informational_interview",
        2,
        Some("27-1024.00"),
        ("Video call with a graphic designer", "Videollamada con una diseñadora gráfica"),
        (
            "She showed me her portfolio. Clients change their minds a lot, so you have to be flexible.",
            "Me mostró su portafolio. Los clientes cambian mucho de opinión, así que hay que ser flexible.",
        ),
    ),
    ex(
        "informational_interview",
        3,
        Some("25-2021.00"),
        ("Asked my old 4th-grade teacher about teaching", "Le pregunté a mi maestra de 4.º grado sobre enseñar"),
        (
            "She said the best part is when a kid finally gets it. Lots of grading at home though.",
            "Dijo que lo mejor es cuando un niño por fin entiende. Pero corrige mucho en casa.",
        ),
    ),
    ex(
        "research",
        1,
        Some("19-1029.04"),
        ("Researched what biologists do", "Investigué qué hacen los biólogos"),
        (
            "Some work in labs and some outside. Most need a college degree, and many go further.",
            "Algunos trabajan en laboratorios y otros al aire libre. Casi todos necesitan título universitario.",
        ),
    ),
    ex(
        "research",
        0,
        Some("47-2111.00"),
        ("Looked up electrician apprenticeships", "Busqué aprendizajes de electricista"),
        (
            "You get paid while you learn. It takes about four years to become a journeyman.",
            "Te pagan mientras aprendes. Se tarda unos cuatro años en ser oficial electricista.",
        ),
    ),
    ex(
        "research",
        2,
        Some("27-1014.00"),
        ("Researched animation careers", "Investigué carreras en animación"),
        (
            "Studios want a strong portfolio. I want to take the digital art elective next year.",
            "Los estudios piden un buen portafolio. Quiero tomar la optativa de arte digital el próximo año.",
        ),
    ),
    ex(
        "research",
        5,
        Some("15-1254.00"),
        ("Compared web developer programs", "Comparé programas de desarrollo web"),
        (
            "There are certificates and two-year degrees. I should try building a simple site first.",
            "Hay certificados y títulos de dos años. Primero debería intentar hacer un sitio sencillo.",
        ),
    ),
    ex(
        "visit",
        3,
        None,
        ("Class trip to Harbor City Community College", "Excursión a Harbor City Community College"),
        (
            "The nursing lab had dummies that breathe. Classes are smaller than I thought.",
            "El laboratorio de enfermería tenía maniquíes que respiran. Las clases son más pequeñas de lo que pensaba.",
        ),
    ),
    ex(
        "visit",
        0,
        None,
        ("Tour of the regional technical high school", "Visita a la escuela técnica regional"),
        (
            "Saw the welding and auto shops. Students spend every other week in the shop.",
            "Vi los talleres de soldadura y de mecánica. Los estudiantes pasan una semana sí y otra no en el taller.",
        ),
    ),
    ex(
        "visit",
        4,
        None,
        ("Visited the state university open house", "Fui al día de puertas abiertas de la universidad estatal"),
        (
            "The business school has a club that runs a real coffee shop. The campus is huge.",
            "La escuela de negocios tiene un club que maneja una cafetería de verdad. El campus es enorme.",
        ),
    ),
];

/// Programs after high school by path (name, note).
pub(crate) fn programs_for(path: PostsecondaryPath) -> &'static [(&'static str, &'static str)] {
    match path {
        PostsecondaryPath::FourYear => &[
            ("University of Nutmeg", "Early action deadline November 1"),
            ("Nutmeg State University", ""),
            ("Eastern Nutmeg State University", "Visit in the spring"),
            ("Harbor City University", ""),
            ("Southern Coast College", "Essay is about a challenge I faced"),
            ("Riverbend College of Art and Design", "Needs a portfolio"),
        ],
        PostsecondaryPath::TwoYear => &[
            ("Harbor City Community College", "Ask about the transfer agreement"),
            ("Nutmeg Valley Community College", ""),
            ("Shoreline Community College", "Has a nursing (ADN) program"),
        ],
        PostsecondaryPath::Apprenticeship => &[
            ("Regional Electrical Apprenticeship Program", "Aptitude test in March"),
            ("Carpenters' Training Center apprenticeship", ""),
            ("Plumbers and Pipefitters apprenticeship", ""),
        ],
        PostsecondaryPath::Military => &[
            ("U.S. Army", "Talked to the recruiter at school"),
            ("U.S. Navy", ""),
            ("U.S. Air Force", "Need a good ASVAB score"),
        ],
        PostsecondaryPath::Certificate => &[
            ("Harbor City Technical Institute — welding certificate", ""),
            ("Nutmeg Academy of Cosmetology", "Open house next month"),
            ("CNA certificate at Harbor City Community College", "Eight weeks"),
        ],
        PostsecondaryPath::Work => &[
            ("Harbor City Hospital — patient transport", ""),
            (
                "Full-time at the grocery store where I work now",
                "Ask about the management track",
            ),
        ],
    }
}

/// A student's own key step (title).
pub(crate) const OWN_STEPS: &[&str] = &[
    "Ask Ms. Lee for a recommendation letter",
    "Finish my scholarship essay",
    "Make a list of colleges to visit",
    "Get my driver's license for the commute",
    "Save $500 for application fees",
];

/// A district's pathways: name, description, legacy cluster, 2024 cluster.
pub(crate) const PATHWAYS: &[(&str, &str, &str, &str)] = &[
    (
        "Health Sciences Academy",
        "Anatomy, medical terminology and a CNA certificate by grade 12; clinical hours at Harbor City Hospital.",
        "health_science",
        "healthcare_human_services",
    ),
    (
        "Engineering and Advanced Manufacturing",
        "Project Lead The Way engineering courses, CAD and the machining lab.",
        "manufacturing",
        "advanced_manufacturing",
    ),
    (
        "Information Technology and Computer Science",
        "AP Computer Science, networking, and an IT support certification.",
        "information_technology",
        "digital_technology",
    ),
    (
        "Teaching and Learning Academy",
        "Child development, education courses and a classroom internship in an elementary school.",
        "education_training",
        "education",
    ),
    (
        "Business and Entrepreneurship",
        "Accounting, marketing and the student-run school store.",
        "business_management_administration",
        "management_entrepreneurship",
    ),
    (
        "Culinary Arts and Hospitality",
        "Commercial kitchen, ServSafe certification and the school café.",
        "hospitality_tourism",
        "hospitality_events_tourism",
    ),
];
