//! The phrase tables behind the demo's plans: goal statements per domain
//! and measure kind (with values that fit the measure), action steps,
//! supports, check-in notes, prompted reflections, comments, interaction
//! and note texts. Short, varied, in a student's or a staff member's voice;
//! a few in Spanish for students who write in Spanish.

use ssp_domain::plan::{MeasureKind, PlanDomain};

/// One goal a student might set: what, why, how it is measured, from where
/// to where. Values are valid for the measure (checked by a unit test).
#[derive(Debug, Clone, Copy)]
pub(crate) struct GoalText {
    pub statement: &'static str,
    pub why: &'static str,
    pub kind: MeasureKind,
    pub baseline: f64,
    pub target: f64,
}

const fn g(statement: &'static str, why: &'static str, kind: MeasureKind, baseline: f64, target: f64) -> GoalText {
    GoalText {
        statement,
        why,
        kind,
        baseline,
        target,
    }
}

use MeasureKind::{Count, Percent, Scale, YesNo};

pub(crate) const ACADEMIC: &[GoalText] = &[
    g(
        "Raise my math grade from a C to a B",
        "I want to take Algebra II next year",
        Percent,
        72.0,
        85.0,
    ),
    g(
        "Turn in every science lab report on time",
        "Late work is pulling my grade down",
        Percent,
        60.0,
        95.0,
    ),
    g(
        "Read 20 minutes every school night",
        "Reading faster helps in every class",
        Count,
        0.0,
        60.0,
    ),
    g(
        "Get my English grade to 80% or higher",
        "I want honors English next year",
        Percent,
        68.0,
        80.0,
    ),
    g(
        "Go to math help after school twice a week",
        "I understand it better one on one",
        Count,
        0.0,
        24.0,
    ),
    g(
        "Finish all missing history assignments",
        "So I pass the semester",
        Count,
        6.0,
        0.0,
    ),
    g(
        "Score proficient on the next reading benchmark",
        "I was one level below last spring",
        Scale,
        2.0,
        4.0,
    ),
    g(
        "Miss no more than three school days this semester",
        "I fall behind when I am absent",
        Count,
        9.0,
        3.0,
    ),
    g(
        "Feel confident presenting in class",
        "I freeze when I speak in front of people",
        Scale,
        2.0,
        4.0,
    ),
    g(
        "Sign up for one honors or AP class for next year",
        "Colleges look at rigor",
        YesNo,
        0.0,
        1.0,
    ),
    g(
        "Keep a planner and check it every day",
        "I forget due dates",
        Percent,
        30.0,
        90.0,
    ),
    g(
        "Pass Algebra I with a 75 or better",
        "I need it to graduate on time",
        Percent,
        64.0,
        75.0,
    ),
];

pub(crate) const CAREER: &[GoalText] = &[
    g(
        "Complete the career interest inventory",
        "To find careers that fit me",
        YesNo,
        0.0,
        1.0,
    ),
    g(
        "Job-shadow two people in careers I like",
        "To see what the work is really like",
        Count,
        0.0,
        2.0,
    ),
    g(
        "Research three careers in health care",
        "I like helping people",
        Count,
        0.0,
        3.0,
    ),
    g("Write my first résumé", "I want a summer job", YesNo, 0.0, 1.0),
    g(
        "Visit two colleges or training programs",
        "I want to know my options after high school",
        Count,
        0.0,
        2.0,
    ),
    g(
        "Log 20 hours of volunteer work",
        "It builds skills for a job",
        Count,
        0.0,
        20.0,
    ),
    g(
        "Choose a career pathway for grades 11 and 12",
        "So my classes lead somewhere",
        YesNo,
        0.0,
        1.0,
    ),
    g(
        "Interview an adult about their job",
        "To learn how they got there",
        YesNo,
        0.0,
        1.0,
    ),
    g(
        "Finish the FAFSA with my family",
        "We need financial aid for college",
        YesNo,
        0.0,
        1.0,
    ),
    g(
        "Earn a work-based learning placement",
        "I want real work experience",
        YesNo,
        0.0,
        1.0,
    ),
    g(
        "Feel sure about what I want to do after graduation",
        "Right now I have no idea",
        Scale,
        1.0,
        4.0,
    ),
];

pub(crate) const SEP: &[GoalText] = &[
    g(
        "Join one club or team this semester",
        "To meet people with the same interests",
        YesNo,
        0.0,
        1.0,
    ),
    g(
        "Get eight hours of sleep on school nights",
        "I am tired in first period",
        Count,
        1.0,
        5.0,
    ),
    g(
        "Use a calm-down strategy when I get frustrated",
        "So I do not lose my temper in class",
        Scale,
        2.0,
        4.0,
    ),
    g(
        "Talk to a trusted adult once a week",
        "It helps to have someone to talk to",
        Count,
        0.0,
        12.0,
    ),
    g(
        "Do 10 hours of community service",
        "I want to give back to my neighborhood",
        Count,
        0.0,
        10.0,
    ),
    g(
        "Walk or play a sport three times a week",
        "Exercise helps me focus",
        Count,
        0.0,
        36.0,
    ),
    g(
        "Have lunch with classmates instead of alone",
        "I want more friends at this school",
        Scale,
        1.0,
        4.0,
    ),
    g(
        "Limit phone time to two hours on school nights",
        "I lose sleep scrolling",
        Percent,
        20.0,
        80.0,
    ),
    g(
        "Ask for help when I feel overwhelmed",
        "I usually keep it to myself",
        Scale,
        1.0,
        4.0,
    ),
    g(
        "Be on time to first period every day",
        "Tardies are adding up",
        Percent,
        70.0,
        95.0,
    ),
];

/// Goals in Spanish, for students whose preferred language is Spanish.
pub(crate) const ACADEMIC_ES: &[GoalText] = &[
    g(
        "Subir mi nota de matemáticas a una B",
        "Quiero tomar Álgebra II el próximo año",
        Percent,
        70.0,
        85.0,
    ),
    g(
        "Entregar todas las tareas de inglés a tiempo",
        "Para aprobar el semestre",
        Percent,
        55.0,
        90.0,
    ),
];
pub(crate) const CAREER_ES: &[GoalText] = &[
    g(
        "Investigar tres carreras que me interesan",
        "Para saber qué estudiar",
        Count,
        0.0,
        3.0,
    ),
    g(
        "Visitar una universidad con mi familia",
        "Quiero ser la primera en ir a la universidad",
        YesNo,
        0.0,
        1.0,
    ),
];
pub(crate) const SEP_ES: &[GoalText] = &[
    g(
        "Unirme a un club o equipo",
        "Para conocer a más compañeros",
        YesNo,
        0.0,
        1.0,
    ),
    g(
        "Hablar con un adulto de confianza cada semana",
        "Me ayuda a sentirme mejor",
        Count,
        0.0,
        12.0,
    ),
];

pub(crate) fn goals_of(domain: PlanDomain, spanish: bool) -> &'static [GoalText] {
    match (domain, spanish) {
        (PlanDomain::Academic, false) => ACADEMIC,
        (PlanDomain::Career, false) => CAREER,
        (PlanDomain::Sep, false) => SEP,
        (PlanDomain::Academic, true) => ACADEMIC_ES,
        (PlanDomain::Career, true) => CAREER_ES,
        (PlanDomain::Sep, true) => SEP_ES,
    }
}

pub(crate) const ACTION_STEPS: &[&str] = &[
    "Write every assignment in my planner",
    "Meet with my teacher during lunch on Tuesdays",
    "Check the grade portal every Friday",
    "Ask my counselor about tutoring",
    "Make a list of questions before the meeting",
    "Set an alarm for bedtime",
    "Sign up at the front office",
    "Bring the form home for a signature",
    "Email the teacher about missing work",
    "Practice with flash cards three nights a week",
    "Look up the programs on the career site",
    "Schedule the visit with the family partnership specialist",
];

/// (what, provided by)
pub(crate) const SUPPORTS: &[(&str, &str)] = &[
    ("After-school math tutoring", "Math department"),
    ("Homework club, Monday to Thursday", "Library"),
    ("Small counseling group on stress", "School counseling office"),
    ("Weekly check-in with a mentor", "Mentor program"),
    ("Reading intervention block", "Literacy coach"),
    ("Career exploration workshop", "Career center"),
    ("Peer tutoring", "National Honor Society"),
    ("Boys & Girls Club after-school program", "Community partner"),
    ("Summer bridge program", "Community college"),
];

pub(crate) const CHECK_IN_NOTES: &[&str] = &[
    "Went to tutoring twice this week",
    "Missed one assignment, made it up",
    "Better than last time",
    "Had a hard week",
    "On track",
    "Teacher says the effort shows",
    "Caught up on the missing work",
    "Slipped a little after the test",
    "Tried the new strategy and it helped",
    "Asked for help in class",
    "",
    "",
];

pub(crate) const CHECK_IN_REFLECTIONS: &[&str] = &[
    "I did better when I started early",
    "I need to stop waiting until the last night",
    "Proud of this one",
    "Studying with a friend helped",
    "I was sick two days, so it was harder",
    "",
    "",
    "",
];

pub(crate) const CHECK_IN_NOTES_ES: &[&str] = &[
    "Voy mejorando",
    "Fue una semana difícil",
    "Terminé las tareas atrasadas",
    "",
];

/// (prompt, body) for the three prompts.
pub(crate) const REFLECTIONS: &[(&str, &str)] = &[
    ("strengths", "I keep going when things get hard"),
    ("strengths", "I am good at helping classmates understand the work"),
    ("strengths", "I am organized when I use my planner"),
    ("strengths", "People say I am a good listener"),
    ("strengths", "I am creative and like to build things"),
    ("improve", "I need to turn in work on time"),
    ("improve", "I want to speak up more in class"),
    ("improve", "I should ask for help sooner"),
    ("improve", "Managing my time between practice and homework"),
    ("improve", "Staying calm before tests"),
    ("next", "Look into summer programs at the community college"),
    ("next", "Take a harder math class next year"),
    ("next", "Find a part-time job for the summer"),
    ("next", "Join the robotics team in the spring"),
    ("next", "Visit the career center with my mom"),
];

pub(crate) const REFLECTIONS_ES: &[(&str, &str)] = &[
    ("strengths", "Soy responsable y ayudo a mis hermanos"),
    ("improve", "Quiero participar más en clase"),
    ("next", "Buscar un programa de verano"),
];

pub(crate) const STAFF_COMMENTS: &[&str] = &[
    "Great insight. Let's talk about this at our next meeting.",
    "I have seen this too. Keep it up!",
    "This is a good next step. I can help you find programs.",
    "Proud of how far you have come this year.",
    "Let's add this to one of your goals.",
];

pub(crate) const FAMILY_COMMENTS: &[&str] = &[
    "We are proud of you!",
    "Let us know how we can help at home.",
    "Good plan. We talked about this at dinner.",
];

pub(crate) const FAMILY_COMMENTS_ES: &[&str] = &[
    "¡Estamos muy orgullosos de ti!",
    "Dinos cómo te podemos ayudar en casa.",
];

/// (kind, participants, notes, family present)
pub(crate) const COUNSELOR_INTERACTIONS: &[(&str, &str, &str, bool)] = &[
    (
        "advisory_meeting",
        "student, counselor",
        "Reviewed goals and grades; planned next steps.",
        false,
    ),
    (
        "advisory_meeting",
        "student, counselor",
        "Talked about course choices for next year.",
        false,
    ),
    (
        "phone_call",
        "parent, counselor",
        "Called home about attendance; parent will follow up.",
        true,
    ),
    (
        "family_conference",
        "student, parents, counselor",
        "Went over the plan and this year's goals with the family.",
        true,
    ),
    (
        "team_meeting",
        "counselor, teachers",
        "Team discussed supports for the semester.",
        false,
    ),
    (
        "message",
        "parent, counselor",
        "Sent the progress report and the tutoring schedule.",
        true,
    ),
];

pub(crate) const MENTOR_INTERACTIONS: &[(&str, &str, &str, bool)] = &[
    (
        "mentor_meeting",
        "student, mentor",
        "Weekly check-in; talked about the career goal.",
        false,
    ),
    (
        "mentor_meeting",
        "student, mentor",
        "Practiced for the job-shadow interview.",
        false,
    ),
];

pub(crate) const FPS_INTERACTIONS: &[(&str, &str, &str, bool)] = &[
    (
        "family_conference",
        "parent, family partnership specialist",
        "Explained the plan and how to sign the review online.",
        true,
    ),
    (
        "home_visit",
        "parent, family partnership specialist",
        "Visited the family; shared resources for after-school care.",
        true,
    ),
    (
        "phone_call",
        "parent, family partnership specialist",
        "Llamada en español con la familia sobre la conferencia.",
        true,
    ),
];

pub(crate) const CSC_INTERACTIONS: &[(&str, &str, &str, bool)] = &[
    (
        "phone_call",
        "parent, community school coordinator",
        "Connected the family with the food pantry schedule.",
        true,
    ),
    (
        "message",
        "student, community school coordinator",
        "Sent the sign-up link for the after-school program.",
        false,
    ),
];

/// Restricted interactions, by the specialist who writes them.
pub(crate) const NURSE_INTERACTIONS: &[(&str, &str, &str, bool)] = &[(
    "phone_call",
    "parent, nurse",
    "Talked with the parent about the medication schedule at school.",
    true,
)];
pub(crate) const SOCIAL_WORKER_INTERACTIONS: &[(&str, &str, &str, bool)] = &[(
    "home_visit",
    "parent, social worker",
    "Home visit; the family is working with the housing agency.",
    true,
)];

pub(crate) const FOLLOW_UPS: &[&str] = &[
    "Send the tutoring sign-up form home",
    "Check grades again in two weeks",
    "Call the parent back with the schedule",
    "Share the summer program list",
    "Set up a meeting with the math teacher",
    "Email the family the review link",
    "Confirm the job-shadow date",
    "Follow up on attendance next Friday",
];

/// Notes by class: shared with the family, staff only, and the two
/// restricted classes (written by the nurse and the social worker).
pub(crate) const SHARED_NOTES: &[&str] = &[
    "Presented the science project to the class with confidence.",
    "Great week: all assignments turned in.",
    "Signed up for the after-school robotics club.",
    "Thank you for coming to the conference; the next one is in the spring.",
    "Volunteered at the food drive on Saturday.",
];
pub(crate) const SHARED_NOTES_ES: &[&str] = &[
    "Gracias por venir a la conferencia. La próxima es en la primavera.",
    "Buena semana: entregó todas las tareas.",
];
pub(crate) const STAFF_NOTES: &[&str] = &[
    "Seems tired in first period; check in about sleep.",
    "Works well in pairs; seat near a focused partner.",
    "Grades dropped after the schedule change; watch this.",
    "Consider for the peer tutoring program next semester.",
    "Has not turned in the permission form yet.",
];
pub(crate) const HEALTH_NOTES: &[&str] = &[
    "Asthma action plan on file; inhaler kept in the nurse's office.",
    "Daily medication at lunch; parent provided the form.",
    "Seasonal allergies; may need to step out of class.",
    "Seizure plan on file; staff trained.",
    "Vision screening referral sent home.",
];
pub(crate) const SOCIAL_NOTES: &[&str] = &[
    "Family recently moved in with relatives; McKinney-Vento eligibility reviewed.",
    "Referred to the community counseling partner with parent consent.",
    "Check-ins weekly after a loss in the family.",
    "Connected the family with the housing assistance program.",
];

/// Why a required activity was excused (staff record these).
pub(crate) const EXEMPT_REASONS: &[&str] = &[
    "Enrolled after the due date; done at the previous school",
    "Medical leave during the window",
    "Completed in the district's summer program",
];

/// Profile fields in the student's words.
pub(crate) const STRENGTHS: &[&str] = &[
    "Hard-working, funny, good with younger kids",
    "I am good at drawing and fixing things",
    "Math, soccer, and making people laugh",
    "I stick with things until I finish",
    "Writing stories and helping my friends",
];
pub(crate) const INTERESTS: &[&str] = &[
    "Video games, coding, and music",
    "Animals; I want to be a vet",
    "Cooking, fashion, and photography",
    "Cars and how engines work",
    "Basketball and health careers",
    "Art and design",
];
pub(crate) const NEEDS: &[&str] = &[
    "Help staying organized",
    "More time on tests",
    "Someone to check in with about grades",
    "Quiet place to do homework",
    "",
];
pub(crate) const OUTSIDE_ACTIVITIES: &[&str] = &[
    "Soccer in the fall, church youth group",
    "Work at my uncle's restaurant on weekends",
    "Band and the robotics club",
    "Take care of my little brother after school",
    "",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_goal_text_is_a_valid_goal() {
        for domain in PlanDomain::ALL {
            for spanish in [false, true] {
                let goals = goals_of(domain, spanish);
                assert!(!goals.is_empty());
                for goal in goals {
                    let len = goal.statement.chars().count();
                    assert!(
                        ssp_domain::plan::goal::STATEMENT_CHARS.contains(&len),
                        "{}",
                        goal.statement
                    );
                    assert_ne!(goal.baseline, goal.target, "{}", goal.statement);
                    for v in [goal.baseline, goal.target] {
                        assert_eq!(
                            goal.kind.parse_value(&v.to_string()).ok(),
                            Some(v),
                            "{}",
                            goal.statement
                        );
                    }
                }
            }
        }
    }
}
