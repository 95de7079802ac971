//! What the team writes on needs and interventions, and the measure each
//! kind of intervention is monitored by.

use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use ssp_domain::support::need::NeedKind;

/// A need's description and what is being done, two of each kind.
pub(super) fn need(kind: NeedKind, rng: &mut ChaCha8Rng) -> (&'static str, &'static str) {
    let options: &[(&str, &str)] = match kind {
        NeedKind::Health => &[
            (
                "Frequent headaches in the afternoon; visits the nurse's office most weeks.",
                "The nurse is in touch with the family and their doctor; water bottle and a rest pass agreed.",
            ),
            (
                "Asthma flares in gym; no inhaler at school this year.",
                "The family is bringing an inhaler and the action plan is on file with the nurse.",
            ),
        ],
        NeedKind::VisionDental => &[
            (
                "Failed the vision screening; squints at the board and has no glasses.",
                "Referred for a free eye exam; glasses on order.",
            ),
            (
                "Toothache for two weeks; the family has no dentist.",
                "The nurse set up a visit with the school-based dental clinic.",
            ),
        ],
        NeedKind::Food => &[
            (
                "Often hungry in the morning; skips breakfast at home.",
                "Breakfast in the classroom, and the family was helped to apply for meals.",
            ),
            (
                "Takes food home from lunch for siblings.",
                "Weekend food backpack arranged with the local food pantry.",
            ),
        ],
        NeedKind::Housing => &[
            (
                "The family is staying with relatives after losing their apartment.",
                "McKinney-Vento liaison contacted; transportation from the new address arranged.",
            ),
            (
                "Moved three times since the summer.",
                "The social worker meets the family every two weeks and keeps the school the same.",
            ),
        ],
        NeedKind::Clothing => &[
            (
                "No winter coat; arrives cold on the bus.",
                "Coat and boots from the clothing closet.",
            ),
            (
                "Needs a uniform for the culinary program.",
                "Uniform ordered through the school's fund.",
            ),
        ],
        NeedKind::Transportation => &[
            (
                "Misses the bus when the family's shift starts early.",
                "Bus stop changed to the one by the grandmother's home.",
            ),
            (
                "No ride to the after-school tutoring program.",
                "Late bus pass issued for Tuesdays and Thursdays.",
            ),
        ],
        NeedKind::AttendanceBarrier => &[
            (
                "Stays home to look after a younger sibling when a parent works.",
                "Family partnership specialist met the family; sibling's childcare options shared.",
            ),
            (
                "Says mornings are hard and mostly misses first period.",
                "Morning check-in with the mentor and a wake-up plan agreed with the family.",
            ),
        ],
        NeedKind::Academic => &[
            (
                "Falling behind in math since the move to Algebra I.",
                "Extra help after school twice a week.",
            ),
            (
                "Reads well below grade level and avoids written work.",
                "Reading intervention block and audiobooks for the class novel.",
            ),
        ],
        NeedKind::SocialEmotional => &[
            (
                "Withdrawn since a loss in the family; eats lunch alone.",
                "Weekly check-ins with the social worker; lunch group invitation.",
            ),
            (
                "Anxious before tests, sometimes leaves class.",
                "Calm-down plan with the counselor and a quiet room for tests.",
            ),
        ],
    };
    *options.choose(rng).unwrap_or(&options[0])
}

/// What an intervention works on, for who owns it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Family {
    Attendance,
    Behaviour,
    Academic,
    Feelings,
    Mentoring,
}

/// An intervention as the team set it up: the strategy, its tier, and the
/// measure with its baseline, goal and range.
pub(super) struct Plan {
    pub strategy: &'static str,
    pub tier: &'static str,
    pub family: Family,
    pub measure: &'static str,
    pub baseline: f64,
    pub goal: f64,
    pub min: f64,
    pub max: f64,
}

/// The plan for a strategy of the default library; `absent_pct` sets an
/// attendance measure's baseline.
pub(super) fn plan(strategy: &'static str, absent_pct: f64) -> Plan {
    let attendance = |tier| Plan {
        strategy,
        tier,
        family: Family::Attendance,
        measure: "Attendance rate (%)",
        baseline: ((100.0 - absent_pct) * 10.0).round() / 10.0,
        goal: 92.0,
        min: 0.0,
        max: 100.0,
    };
    match strategy {
        "wraparound_services" => attendance("tier_3"),
        "check_and_connect" | "attendance_contract" | "family_attendance_conference" => attendance("tier_2"),
        "check_in_check_out" | "daily_behaviour_report_card" => Plan {
            strategy,
            tier: "tier_2",
            family: Family::Behaviour,
            measure: "Daily points earned (%)",
            baseline: 55.0,
            goal: 80.0,
            min: 0.0,
            max: 100.0,
        },
        "small_group_tutoring" => Plan {
            strategy,
            tier: "tier_2",
            family: Family::Academic,
            measure: "Quiz average (%)",
            baseline: 58.0,
            goal: 75.0,
            min: 0.0,
            max: 100.0,
        },
        "individual_counseling" | "small_group_sel" => Plan {
            strategy,
            tier: if strategy == "individual_counseling" {
                "tier_3"
            } else {
                "tier_2"
            },
            family: Family::Feelings,
            measure: "Weekly self-rating (1-5)",
            baseline: 2.0,
            goal: 4.0,
            min: 1.0,
            max: 5.0,
        },
        _ => Plan {
            strategy,
            tier: "tier_2",
            family: Family::Mentoring,
            measure: "Weekly goals met (of 3)",
            baseline: 1.0,
            goal: 3.0,
            min: 0.0,
            max: 3.0,
        },
    }
}

/// A progress point's note, by how far the value has come.
pub(super) fn point_note(rng: &mut ChaCha8Rng, value: f64, baseline: f64, goal: f64) -> &'static str {
    let share = (value - baseline) / (goal - baseline);
    let options: &[&str] = if share >= 0.9 {
        &["At the goal this period.", "Great week; keep the plan as it is.", ""]
    } else if share >= 0.4 {
        &["Moving the right way.", "Better than last time; one hard day.", ""]
    } else if share > 0.0 {
        &["Small steps.", "Some progress; talked about what gets in the way.", ""]
    } else {
        &[
            "No change yet; family contacted.",
            "A difficult stretch; plan reviewed with the student.",
            "",
        ]
    };
    options.choose(rng).unwrap_or(&"")
}

/// How a finished intervention came out, from the share of the way to the
/// goal its last point reached.
pub(super) fn outcome(reached: f64) -> (&'static str, &'static str) {
    if reached >= 0.9 {
        ("met", "Goal reached and held; moving back to tier 1 supports.")
    } else if reached >= 0.4 {
        (
            "partly_met",
            "Real progress but short of the goal; the team will decide on a second round.",
        )
    } else {
        (
            "not_met",
            "Little change; the team is meeting to plan a more intensive support.",
        )
    }
}

/// A discontinued intervention's note.
pub(super) const DISCONTINUED: &str = "The student moved to another program; ended early.";
