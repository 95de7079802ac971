//! The demo district's course catalog: about 190 courses of a Connecticut
//! comprehensive high school's program of studies, in the seven requirement
//! categories, with honors, AP, UConn ECE (dual credit) and CTE courses,
//! prerequisite chains (Algebra I → Geometry → Algebra II → Precalculus →
//! AP Calculus; Spanish I → … → AP Spanish) and the CTE courses linked to the
//! district's career pathways. Every line goes through the domain's own
//! parser ([`CatalogCourse::parse`]), so the demo cannot store a course the
//! app would refuse.

use std::collections::HashMap;

use ssp_domain::academics::course::{Catalog, CatalogCourse, CatalogCourseRaw};
use uuid::Uuid;

/// `code|title|credits|term|area|tags|rigor|grades|prerequisites|flags|pathways`:
/// grades `9-12`; flags `core`, `rep` (repeatable); pathways are indices
/// into the demo's pathways (0 health, 1 engineering, 2 IT, 3 teaching,
/// 4 business, 5 culinary).
const COURSES: &str = "\
ENG9|English 9|1|year|humanities|english|standard|9-9||core|
ENG9H|English 9 Honors|1|year|humanities|english|honors|9-9||core|
ENG10|English 10|1|year|humanities|english|standard|10-10||core|
ENG10H|English 10 Honors|1|year|humanities|english|honors|10-10||core|
ENG11|American Literature|1|year|humanities|english|standard|11-11||core|
ENG11H|American Literature Honors|1|year|humanities|english|honors|11-11||core|
APLANG|AP English Language and Composition|1|year|humanities|english|ap|11-12||core|
ENG12|British and World Literature|1|year|humanities|english|standard|12-12||core|
ENG12H|World Literature Honors|1|year|humanities|english|honors|12-12||core|
APLIT|AP English Literature and Composition|1|year|humanities|english|ap|12-12||core|
ECEENG|UConn ECE Seminar in Writing through Literature|1|year|humanities|english|dual_credit|12-12||core|
ENGML|English for Multilingual Learners|1|year|humanities|english|standard|9-12||rep|
READ|Reading Workshop|0.5|semester|humanities|english|standard|9-10|||
CRWRIT|Creative Writing|0.5|semester|humanities|english|standard|10-12|||
JOURN|Journalism|0.5|semester|humanities|english|standard|10-12|||
SPEECH|Public Speaking|0.5|semester|humanities|english|standard|9-12|||
FILMLIT|Film and Literature|0.5|semester|humanities|english|standard|11-12|||
MYTH|Mythology|0.5|semester|humanities|english|standard|10-12|||
YEARBK|Yearbook Production|1|year|humanities|english|standard|10-12||rep|
APSEM|AP Seminar|1|year|humanities|english|ap|10-11|||
WHIST|World History|1|year|humanities|social_studies|standard|9-9||core|
WHISTH|World History Honors|1|year|humanities|social_studies|honors|9-9||core|
APWH|AP World History: Modern|1|year|humanities|social_studies|ap|10-12||core|
USHIST|United States History|1|year|humanities|social_studies|standard|10-11||core|
USHISTH|United States History Honors|1|year|humanities|social_studies|honors|10-11||core|
APUSH|AP United States History|1|year|humanities|social_studies|ap|10-12||core|
CIVICS|Civics and Government|0.5|semester|humanities|social_studies civics|standard|10-12||core|
APGOV|AP United States Government and Politics|1|year|humanities|social_studies civics|ap|11-12||core|
PFIN|Personal Finance|0.5|semester|humanities|personal_finance|standard|10-12|||4
ECON|Economics|0.5|semester|humanities|social_studies|standard|11-12|||4
APMACRO|AP Macroeconomics|1|year|humanities|social_studies|ap|11-12|||4
PSYCH|Psychology|0.5|semester|humanities|social_studies|standard|10-12|||
APPSYCH|AP Psychology|1|year|humanities|social_studies|ap|11-12|||
SOCIOL|Sociology|0.5|semester|humanities|social_studies|standard|10-12|||
AAPLS|African American/Black and Puerto Rican/Latino Studies|1|year|humanities|social_studies|standard|10-12|||
LAW|Law and Justice|0.5|semester|humanities|social_studies|standard|10-12|||
GEOG|World Geography|0.5|semester|humanities|social_studies|standard|9-12|||
HOLO|Holocaust and Genocide Studies|0.5|semester|humanities|social_studies|standard|10-12|||
APEURO|AP European History|1|year|humanities|social_studies|ap|11-12|||
ECEHIST|UConn ECE Modern European History|1|year|humanities|social_studies|dual_credit|11-12|||
ALG1|Algebra I|1|year|stem|mathematics|standard|8-10||core|
MATHLAB|Mathematics Support Lab|1|year|elective|mathematics|standard|9-10|||
GEO|Geometry|1|year|stem|mathematics|standard|9-12|ALG1|core|
GEOH|Geometry Honors|1|year|stem|mathematics|honors|8-10|ALG1|core|
ALG2|Algebra II|1|year|stem|mathematics|standard|10-12|GEO|core|
ALG2H|Algebra II Honors|1|year|stem|mathematics|honors|9-11|GEOH|core|
PREC|Precalculus|1|year|stem|mathematics|standard|11-12|ALG2|core|
PRECH|Precalculus Honors|1|year|stem|mathematics|honors|10-12|ALG2H|core|
APCALCAB|AP Calculus AB|1|year|stem|mathematics|ap|11-12|PREC|core|
APCALCBC|AP Calculus BC|1|year|stem|mathematics|ap|11-12|PRECH|core|
STAT|Statistics|1|year|stem|mathematics|standard|11-12|ALG2|core|
APSTAT|AP Statistics|1|year|stem|mathematics|ap|11-12||core|
ECESTAT|UConn ECE Elementary Concepts of Statistics|1|year|stem|mathematics|dual_credit|12-12|ALG2|core|
QR|Quantitative Reasoning|1|year|stem|mathematics|standard|11-12|GEO|core|
FINALG|Financial Algebra|1|year|stem|mathematics|standard|11-12|ALG1|core|4
DISCR|Discrete Mathematics|0.5|semester|stem|mathematics|standard|11-12|ALG2||
MULTIV|UConn ECE Multivariable Calculus|1|year|stem|mathematics|dual_credit|12-12|APCALCBC||
PHYSCI|Physical Science|1|year|stem|science|standard|9-9||core|
BIO|Biology|1|year|stem|science|standard|9-10||core|
BIOH|Biology Honors|1|year|stem|science|honors|9-10||core|
CHEM|Chemistry|1|year|stem|science|standard|10-12|ALG1|core|
CHEMH|Chemistry Honors|1|year|stem|science|honors|10-11|ALG1|core|
PHYS|Physics|1|year|stem|science|standard|11-12|ALG1|core|
PHYSH|Physics Honors|1|year|stem|science|honors|11-12|ALG2H|core|
ENVSCI|Environmental Science|1|year|stem|science|standard|10-12||core|
EARTH|Earth and Space Science|1|year|stem|science|standard|9-12||core|
APBIO|AP Biology|1|year|stem|science|ap|11-12||core|
APCHEM|AP Chemistry|1|year|stem|science|ap|11-12||core|
APPHYS1|AP Physics 1|1|year|stem|science|ap|11-12|ALG1|core|
APPHYSC|AP Physics C: Mechanics|1|year|stem|science|ap|12-12|PRECH|core|
APENV|AP Environmental Science|1|year|stem|science|ap|11-12||core|
ANAT|Anatomy and Physiology|1|year|stem|science|standard|11-12||core|0
ECEBIO|UConn ECE Principles of Biology|1|year|stem|science|dual_credit|12-12||core|0
FOREN|Forensic Science|0.5|semester|stem|science|standard|11-12|||
MARBIO|Marine Biology|0.5|semester|stem|science|standard|11-12|||
ASTRO|Astronomy|0.5|semester|stem|science|standard|10-12|||
BIOTECH|Biotechnology|1|year|stem|science|cte|10-12|||0
SPMED|Sports Medicine|0.5|semester|stem|science|cte|10-12|||0
CS1|Introduction to Computer Science|0.5|semester|stem|technology|standard|9-12|||2
APCSP|AP Computer Science Principles|1|year|stem|technology|ap|10-12|||2
APCSA|AP Computer Science A|1|year|stem|technology|ap|10-12|ALG1||2
WEBDEV|Web Design|0.5|semester|stem|technology|cte|9-12|||2
GAMEDEV|Game Design and Programming|0.5|semester|stem|technology|standard|10-12|CS1||2
NETW|Networking and Cybersecurity|1|year|stem|technology|cte|10-12|CS1||2
ITSUP|IT Support Essentials|1|year|stem|technology|cte|11-12|NETW||2
ROBOT|Robotics|0.5|semester|stem|engineering|standard|9-12|||1
IED|Introduction to Engineering Design (PLTW)|1|year|stem|engineering|cte|9-12|||1
POE|Principles of Engineering (PLTW)|1|year|stem|engineering|cte|10-12|IED||1
CIM|Computer Integrated Manufacturing (PLTW)|1|year|stem|engineering|cte|11-12|POE||1
EDD|Engineering Design and Development (PLTW)|1|year|stem|engineering|cte|12-12|POE||1
CAD|Computer-Aided Drafting|0.5|semester|stem|engineering|cte|9-12|||1
MACH1|Machine Technology I|1|year|stem|engineering vocational|cte|10-12|||1
MACH2|Machine Technology II|1|year|stem|engineering vocational|cte|11-12|MACH1||1
ELECTR|Electronics|0.5|semester|stem|engineering|standard|10-12|||
AUTO1|Automotive Technology I|1|year|elective|vocational|cte|10-12|||
AUTO2|Automotive Technology II|1|year|elective|vocational|cte|11-12|AUTO1||
CONST1|Construction Technology I|1|year|elective|vocational|cte|9-12|||
CONST2|Construction Technology II|1|year|elective|vocational|cte|10-12|CONST1||
WOOD|Woodworking|0.5|semester|elective|vocational|cte|9-12|||
SPAN1|Spanish I|1|year|world_language|spanish|standard|8-12|||
SPAN2|Spanish II|1|year|world_language|spanish|standard|9-12|SPAN1||
SPAN3|Spanish III|1|year|world_language|spanish|standard|10-12|SPAN2||
SPAN3H|Spanish III Honors|1|year|world_language|spanish|honors|10-12|SPAN2||
SPAN4|Spanish IV|1|year|world_language|spanish|standard|11-12|SPAN3||
SPAN4H|Spanish IV Honors|1|year|world_language|spanish|honors|11-12|SPAN3H||
APSPAN|AP Spanish Language and Culture|1|year|world_language|spanish|ap|11-12|SPAN3H||
SPANHS1|Spanish for Heritage Speakers I|1|year|world_language|spanish|standard|9-12|||
SPANHS2|Spanish for Heritage Speakers II|1|year|world_language|spanish|honors|10-12|SPANHS1||
ECESPAN|UConn ECE Intermediate Spanish Composition|1|year|world_language|spanish|dual_credit|12-12|SPAN3||
FREN1|French I|1|year|world_language|french|standard|8-12|||
FREN2|French II|1|year|world_language|french|standard|9-12|FREN1||
FREN3|French III|1|year|world_language|french|standard|10-12|FREN2||
FREN3H|French III Honors|1|year|world_language|french|honors|10-12|FREN2||
FREN4|French IV|1|year|world_language|french|standard|11-12|FREN3||
APFREN|AP French Language and Culture|1|year|world_language|french|ap|11-12|FREN3H||
ITAL1|Italian I|1|year|world_language|italian|standard|8-12|||
ITAL2|Italian II|1|year|world_language|italian|standard|9-12|ITAL1||
ITAL3|Italian III|1|year|world_language|italian|standard|10-12|ITAL2||
ITAL4|Italian IV|1|year|world_language|italian|standard|11-12|ITAL3||
CHIN1|Mandarin Chinese I|1|year|world_language|chinese|standard|8-12|||
CHIN2|Mandarin Chinese II|1|year|world_language|chinese|standard|9-12|CHIN1||
CHIN3|Mandarin Chinese III|1|year|world_language|chinese|standard|10-12|CHIN2||
CHIN4|Mandarin Chinese IV|1|year|world_language|chinese|honors|11-12|CHIN3||
LAT1|Latin I|1|year|world_language|latin|standard|8-12|||
LAT2|Latin II|1|year|world_language|latin|standard|9-12|LAT1||
LAT3|Latin III|1|year|world_language|latin|honors|10-12|LAT2||
LAT4|Latin IV|1|year|world_language|latin|honors|11-12|LAT3||
ASL1|American Sign Language I|1|year|world_language|asl|standard|9-12|||
ASL2|American Sign Language II|1|year|world_language|asl|standard|10-12|ASL1||
ASL3|American Sign Language III|1|year|world_language|asl|standard|11-12|ASL2||
ART1|Art Foundations|0.5|semester|humanities|fine_arts|standard|9-12|||
DRAW|Drawing and Painting|0.5|semester|humanities|fine_arts|standard|9-12|ART1||
DRAW2|Advanced Drawing and Painting|0.5|semester|humanities|fine_arts|standard|10-12|DRAW||
CERAM1|Ceramics I|0.5|semester|humanities|fine_arts|standard|9-12|||
CERAM2|Ceramics II|0.5|semester|humanities|fine_arts|standard|10-12|CERAM1||
SCULPT|Sculpture|0.5|semester|humanities|fine_arts|standard|10-12|ART1||
PHOTO|Digital Photography|0.5|semester|humanities|fine_arts|standard|9-12|||
PHOTO2|Advanced Photography|0.5|semester|humanities|fine_arts|standard|10-12|PHOTO||
GRAPHIC|Graphic Design|0.5|semester|humanities|fine_arts|cte|9-12|||4
APART|AP Art and Design|1|year|humanities|fine_arts|ap|11-12|DRAW||
APARTH|AP Art History|1|year|humanities|fine_arts|ap|10-12|||
BAND|Concert Band|1|year|humanities|fine_arts|standard|9-12||rep|
WIND|Wind Ensemble|1|year|humanities|fine_arts|honors|10-12||rep|
CHORUS|Concert Choir|1|year|humanities|fine_arts|standard|9-12||rep|
CHAMB|Chamber Singers|1|year|humanities|fine_arts|honors|10-12||rep|
ORCH|Orchestra|1|year|humanities|fine_arts|standard|9-12||rep|
JAZZ|Jazz Ensemble|0.5|semester|humanities|fine_arts|standard|10-12||rep|
GUITAR|Guitar|0.5|semester|humanities|fine_arts|standard|9-12|||
PIANO|Piano Lab|0.5|semester|humanities|fine_arts|standard|9-12|||
MTHEORY|Music Theory|0.5|semester|humanities|fine_arts|standard|10-12|||
APMUSIC|AP Music Theory|1|year|humanities|fine_arts|ap|11-12|||
MUSTECH|Music Technology|0.5|semester|humanities|fine_arts|standard|9-12|||
THEAT1|Theater Arts I|0.5|semester|humanities|fine_arts|standard|9-12|||
THEAT2|Theater Arts II|0.5|semester|humanities|fine_arts|standard|10-12|THEAT1||
TECHTH|Technical Theater|0.5|semester|humanities|fine_arts|standard|9-12|||
DANCE|Dance|0.5|semester|humanities|fine_arts|standard|9-12|||
VIDEO|Video Production|0.5|semester|humanities|fine_arts|cte|10-12|||
PE9|Physical Education 9|0.5|semester|pe_wellness||standard|9-9|||
PE10|Physical Education 10|0.5|semester|pe_wellness||standard|10-10|||
LIFEFIT|Lifetime Fitness|0.5|semester|pe_wellness||standard|11-12|||
STRENGTH|Strength and Conditioning|0.5|semester|pe_wellness||standard|10-12||rep|
YOGA|Yoga and Mindfulness|0.5|semester|pe_wellness||standard|10-12|||
TEAMSP|Team Sports|0.5|semester|pe_wellness||standard|10-12|||
HEALTH9|Health 9|0.5|semester|health_safety||standard|9-9|||
HEALTH10|Health and Safety 10|0.5|semester|health_safety||standard|10-10|||
FIRSTAID|First Aid and CPR|0.5|semester|health_safety||standard|11-12|||0
DRIVED|Driver Education|0.25|quarter|health_safety||standard|10-12|||
HCAREER|Introduction to Health Careers|0.5|semester|elective|health_science|cte|9-12|||0
MEDTERM|Medical Terminology|0.5|semester|elective|health_science|cte|10-12|||0
CNA|Certified Nursing Assistant|1|year|elective|health_science|cte|12-12|ANAT||0
CHILDDEV|Child Development|0.5|semester|elective|education|cte|9-12|||3
EDU1|Introduction to Teaching|1|year|elective|education|cte|11-12|||3
EDU2|Teaching Internship|1|year|elective|education|cte|12-12|EDU1||3
ACCT1|Accounting I|1|year|elective|business|cte|10-12|||4
ACCT2|Accounting II Honors|1|year|elective|business|honors|11-12|ACCT1||4
MKTG|Marketing|0.5|semester|elective|business|cte|9-12|||4
ENTRE|Entrepreneurship|0.5|semester|elective|business|cte|10-12|||4
SSTORE|School Store Management|0.5|semester|elective|business|cte|11-12|MKTG||4
BUSLAW|Business Law|0.5|semester|elective|business|cte|11-12|||4
CUL1|Culinary Arts I|1|year|elective|culinary|cte|9-12|||5
CUL2|Culinary Arts II|1|year|elective|culinary|cte|10-12|CUL1||5
BAKE|Baking and Pastry|0.5|semester|elective|culinary|cte|10-12|CUL1||5
HOSP|Hospitality Management|0.5|semester|elective|culinary|cte|11-12|||5
NUTR|Food and Nutrition|0.5|semester|elective|culinary|standard|9-12|||5
STUDY|Study Skills|0.5|semester|elective||standard|9-10|||
LEAD|Student Leadership|0.5|semester|elective||standard|10-12||rep|
PEER|Peer Tutoring|0.5|semester|elective||standard|11-12||rep|
WBL|Work-Based Learning|1|year|elective|vocational|cte|11-12||rep|
CAPST|Senior Capstone Project|1|year|mastery_assessment||standard|12-12|||
CAPSTI|Capstone Internship|1|year|mastery_assessment||cte|12-12|||
APRES|AP Research|1|year|mastery_assessment||ap|11-12|APSEM||
";

/// One course as the demo stores it and plans with it.
pub(crate) struct DemoCourse {
    pub code: &'static str,
    pub title: &'static str,
    pub course: CatalogCourse,
    /// Indices into the district's pathways.
    pub pathways: &'static str,
    pub term_length: &'static str,
    pub area: &'static str,
    pub rigor: &'static str,
}

/// The demo catalog, in the table's order, with the domain's catalog.
pub(crate) struct DemoCatalog {
    pub courses: Vec<DemoCourse>,
    pub catalog: Catalog,
    by_code: HashMap<&'static str, usize>,
}

impl DemoCatalog {
    /// The table parsed by the domain; a line it refuses is a bug of the
    /// table (the tests parse every line).
    pub(crate) fn new() -> DemoCatalog {
        let mut courses = Vec::new();
        for line in COURSES.lines().filter(|l| !l.trim().is_empty()) {
            let f: Vec<&'static str> = line.split('|').collect();
            let (min, max) = f[7].split_once('-').unwrap_or((f[7], f[7]));
            let raw = CatalogCourseRaw {
                code: f[0],
                title: f[1],
                credits: f[2],
                term_length: f[3],
                subject_area: f[4],
                tags: f[5],
                sced: "",
                rigor: f[6],
                grade_min: min,
                grade_max: max,
                prerequisites: f[8],
                pathways: "",
                core: if f[9].contains("core") { "yes" } else { "no" },
                repeatable: if f[9].contains("rep") { "yes" } else { "no" },
            };
            let course = CatalogCourse::parse(&raw).unwrap_or_else(|e| panic!("demo catalog line {line:?}: {e:?}"));
            courses.push(DemoCourse {
                code: f[0],
                title: f[1],
                course,
                pathways: f[10],
                term_length: f[3],
                area: f[4],
                rigor: f[6],
            });
        }
        let catalog = Catalog::new(courses.iter().map(|c| c.course.clone()));
        let by_code = courses.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
        DemoCatalog {
            courses,
            catalog,
            by_code,
        }
    }

    pub(crate) fn get(&self, code: &str) -> Option<&DemoCourse> {
        self.by_code.get(code).map(|&i| &self.courses[i])
    }

    /// The pathway ids a course is linked to, comma-separated, from the
    /// district's pathway ids in the table's order.
    pub(crate) fn pathway_ids(c: &DemoCourse, pathways: &[Uuid]) -> String {
        c.pathways
            .split_whitespace()
            .filter_map(|i| i.parse::<usize>().ok())
            .filter_map(|i| pathways.get(i))
            .map(Uuid::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
}
