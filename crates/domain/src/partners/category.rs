//! What a resource offers, aligned with the needs list
//! ([`crate::support::need::NeedKind`]) plus the opportunities a school
//! offers for a student's strengths and interests (clubs, sports, arts,
//! mentoring). A consent names categories: the partner may read only what
//! belongs to them.

use crate::academics::keyed_enum;
use crate::access::Sensitivity;
use crate::support::need::NeedKind;

keyed_enum!(
    /// A category of service or opportunity.
    ServiceCategory, "unknown_service_category", {
        Health => "health",
        VisionDental => "vision_dental",
        Food => "food",
        Housing => "housing",
        Clothing => "clothing",
        Transportation => "transportation",
        AttendanceBarrier => "attendance_barrier",
        /// Tutoring, homework help.
        Academic => "academic",
        /// Counselling, groups, family support.
        SocialEmotional => "social_emotional",
        /// Clubs, sports, arts: opportunities for strengths and interests.
        Enrichment => "enrichment",
        Mentoring => "mentoring",
    }
);

impl ServiceCategory {
    /// The category that serves a need of this kind (one for each kind).
    pub fn for_need(kind: NeedKind) -> ServiceCategory {
        match kind {
            NeedKind::Health => ServiceCategory::Health,
            NeedKind::VisionDental => ServiceCategory::VisionDental,
            NeedKind::Food => ServiceCategory::Food,
            NeedKind::Housing => ServiceCategory::Housing,
            NeedKind::Clothing => ServiceCategory::Clothing,
            NeedKind::Transportation => ServiceCategory::Transportation,
            NeedKind::AttendanceBarrier => ServiceCategory::AttendanceBarrier,
            NeedKind::Academic => ServiceCategory::Academic,
            NeedKind::SocialEmotional => ServiceCategory::SocialEmotional,
        }
    }

    /// The need kind this category serves; enrichment and mentoring serve
    /// strengths and interests, not a need.
    pub fn need_kind(self) -> Option<NeedKind> {
        NeedKind::ALL
            .iter()
            .copied()
            .find(|k| ServiceCategory::for_need(*k) == self)
    }

    /// The sensitivity class of the student records in this category (a
    /// vision referral carries health information). Enrichment and mentoring
    /// carry only what the plan shares.
    pub fn sensitivity(self) -> Sensitivity {
        self.need_kind()
            .map(NeedKind::sensitivity)
            .unwrap_or(Sensitivity::Shared)
    }
}

/// A set of categories as stored: keys joined by commas, in declaration
/// order, each once.
pub fn join(categories: &[ServiceCategory]) -> String {
    let mut v = categories.to_vec();
    v.sort();
    v.dedup();
    v.iter().map(|c| c.key()).collect::<Vec<_>>().join(",")
}

/// The stored form back; unknown keys are an error.
pub fn split(stored: &str) -> Result<Vec<ServiceCategory>, crate::ParseError> {
    let mut v = stored
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(ServiceCategory::parse)
        .collect::<Result<Vec<_>, _>>()?;
    v.sort();
    v.dedup();
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_need_kind_has_its_own_category_and_back() {
        for kind in NeedKind::ALL {
            let c = ServiceCategory::for_need(*kind);
            assert_eq!(c.key(), kind.key(), "keys align with the needs list");
            assert_eq!(c.need_kind(), Some(*kind));
            assert_eq!(c.sensitivity(), kind.sensitivity());
        }
        assert_eq!(ServiceCategory::Enrichment.need_kind(), None);
        assert_eq!(ServiceCategory::Mentoring.sensitivity(), Sensitivity::Shared);
    }

    #[test]
    fn category_sets_round_trip_sorted_and_once() {
        use ServiceCategory::*;
        assert_eq!(join(&[Food, Health, Food]), "health,food");
        assert_eq!(split(" food, health ,,food").unwrap(), vec![Health, Food]);
        assert_eq!(split("food,pets").unwrap_err().code, "unknown_service_category");
        assert_eq!(split("").unwrap(), vec![]);
    }
}
