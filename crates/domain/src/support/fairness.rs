//! The fairness audit: flag rates by subgroup of one demographic dimension
//! (race/ethnicity, sex, disability, English learners, income…), in
//! aggregate. This is the only place protected attributes meet flags, and
//! only after the rules ran without them.
//!
//! **Suppression.** A group of fewer than [`MIN_GROUP_SIZE`] students is
//! not shown. **Complementary suppression**: when the total is shown and
//! exactly one group is suppressed, its numbers would follow by subtracting
//! the others from the total, so the next smallest group is suppressed too;
//! and while the suppressed groups together hold fewer than
//! [`MIN_GROUP_SIZE`] students, their combination is as revealing as a
//! small group, so the next smallest is added again. A total under the
//! minimum is suppressed itself (every group then is).

use std::collections::BTreeMap;

use super::Percent;

/// The smallest group whose rate is shown.
pub const MIN_GROUP_SIZE: u32 = 10;

/// Students counted and flagged, and the share flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub students: u32,
    pub flagged: u32,
    pub percent: Percent,
}

/// Why a number is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suppression {
    /// Fewer than [`MIN_GROUP_SIZE`] students.
    SmallGroup,
    /// Hidden so a small group cannot be worked out from the others.
    Complementary,
}

/// What the audit shows for a group or a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Shown(Rate),
    Suppressed(Suppression),
}

impl Cell {
    /// The rate, when shown.
    pub fn rate(self) -> Option<Rate> {
        match self {
            Cell::Shown(r) => Some(r),
            Cell::Suppressed(_) => None,
        }
    }
}

/// One subgroup's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRate {
    pub label: String,
    pub cell: Cell,
}

/// One dimension's audit: its groups in label order and the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionAudit {
    pub dimension: String,
    pub groups: Vec<GroupRate>,
    pub total: Cell,
}

fn rate(students: u32, flagged: u32) -> Rate {
    Rate {
        students,
        flagged,
        percent: Percent::of(flagged, students).unwrap_or_default(),
    }
}

/// The audit of one dimension from one `(subgroup label, flagged)` row per
/// student.
pub fn audit_dimension<L: AsRef<str>>(dimension: &str, rows: impl IntoIterator<Item = (L, bool)>) -> DimensionAudit {
    let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (label, flagged) in rows {
        let c = counts.entry(label.as_ref().to_owned()).or_default();
        c.0 += 1;
        c.1 += u32::from(flagged);
    }
    let (students, flagged) = counts.values().fold((0, 0), |(s, f), (cs, cf)| (s + cs, f + cf));
    let total_shown = students >= MIN_GROUP_SIZE;
    let mut groups: Vec<GroupRate> = counts
        .iter()
        .map(|(label, &(s, f))| GroupRate {
            label: label.clone(),
            cell: if s >= MIN_GROUP_SIZE && total_shown {
                Cell::Shown(rate(s, f))
            } else {
                Cell::Suppressed(Suppression::SmallGroup)
            },
        })
        .collect();
    if total_shown {
        suppress_complements(&mut groups, &counts);
    }
    DimensionAudit {
        dimension: dimension.to_owned(),
        groups,
        total: if total_shown {
            Cell::Shown(rate(students, flagged))
        } else {
            Cell::Suppressed(Suppression::SmallGroup)
        },
    }
}

/// See the module's comment: hide the next smallest shown group while
/// exactly one group is hidden or the hidden ones hold too few students.
fn suppress_complements(groups: &mut [GroupRate], counts: &BTreeMap<String, (u32, u32)>) {
    let size = |g: &GroupRate| counts[&g.label].0;
    loop {
        let hidden: Vec<&GroupRate> = groups.iter().filter(|g| g.cell.rate().is_none()).collect();
        let hidden_students: u32 = hidden.iter().map(|g| size(g)).sum();
        if hidden.is_empty() || (hidden.len() > 1 && hidden_students >= MIN_GROUP_SIZE) {
            return;
        }
        // Smallest first; among equals, the first label.
        let next = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.cell.rate().is_some())
            .min_by_key(|(i, g)| (size(g), *i))
            .map(|(i, _)| i);
        match next {
            Some(i) => groups[i].cell = Cell::Suppressed(Suppression::Complementary),
            None => return,
        }
    }
}

/// The audit of every dimension from `(dimension, subgroup label, flagged)`
/// rows (one per student per dimension), in dimension order.
pub fn audit<D: AsRef<str>, L: AsRef<str>>(rows: impl IntoIterator<Item = (D, L, bool)>) -> Vec<DimensionAudit> {
    let mut by_dimension: BTreeMap<String, Vec<(L, bool)>> = BTreeMap::new();
    for (d, l, flagged) in rows {
        by_dimension
            .entry(d.as_ref().to_owned())
            .or_default()
            .push((l, flagged));
    }
    by_dimension
        .into_iter()
        .map(|(d, rows)| audit_dimension(&d, rows))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` students of `label`, the first `flagged` of them flagged.
    fn group(label: &'static str, n: u32, flagged: u32) -> impl Iterator<Item = (&'static str, bool)> {
        (0..n).map(move |i| (label, i < flagged))
    }

    /// A group's label and, when shown, (students, flagged, tenths of a percent).
    type Line<'a> = (&'a str, Option<(u32, u32, u32)>);

    fn cells(a: &DimensionAudit) -> Vec<Line<'_>> {
        a.groups
            .iter()
            .map(|g| {
                (
                    g.label.as_str(),
                    g.cell.rate().map(|r| (r.students, r.flagged, r.percent.0)),
                )
            })
            .collect()
    }

    #[test]
    fn groups_of_ten_or_more_show_their_rate() {
        let a = audit_dimension("sex", group("female", 40, 6).chain(group("male", 10, 3)));
        assert_eq!(
            cells(&a),
            vec![("female", Some((40, 6, 150))), ("male", Some((10, 3, 300)))]
        );
        assert_eq!(a.total, Cell::Shown(rate(50, 9)));
    }

    #[test]
    fn a_group_under_ten_is_suppressed_and_so_is_the_next_smallest() {
        let rows = group("a", 50, 5)
            .chain(group("b", 9, 2))
            .chain(group("c", 20, 4))
            .chain(group("d", 30, 3));
        let a = audit_dimension("race_ethnicity", rows);
        assert_eq!(
            cells(&a),
            vec![
                ("a", Some((50, 5, 100))),
                ("b", None),
                ("c", None),
                ("d", Some((30, 3, 100)))
            ]
        );
        assert_eq!(a.groups[1].cell, Cell::Suppressed(Suppression::SmallGroup));
        assert_eq!(a.groups[2].cell, Cell::Suppressed(Suppression::Complementary));
        assert!(a.total.rate().is_some());
    }

    #[test]
    fn two_small_groups_together_under_ten_pull_in_a_third() {
        let rows = group("a", 3, 1)
            .chain(group("b", 4, 4))
            .chain(group("c", 25, 2))
            .chain(group("d", 12, 1));
        let a = audit_dimension("x", rows);
        assert_eq!(
            cells(&a),
            vec![("a", None), ("b", None), ("c", Some((25, 2, 80))), ("d", None)]
        );
        assert_eq!(a.groups[3].cell, Cell::Suppressed(Suppression::Complementary));
    }

    #[test]
    fn two_small_groups_that_together_reach_ten_need_no_complement() {
        let rows = group("a", 4, 1).chain(group("b", 6, 2)).chain(group("c", 25, 2));
        let a = audit_dimension("x", rows);
        assert_eq!(cells(&a), vec![("a", None), ("b", None), ("c", Some((25, 2, 80)))]);
    }

    #[test]
    fn the_next_smallest_is_chosen_by_size_then_label() {
        let rows = group("z", 15, 1)
            .chain(group("m", 15, 2))
            .chain(group("s", 2, 0))
            .chain(group("big", 80, 8));
        let a = audit_dimension("x", rows);
        assert_eq!(
            cells(&a),
            vec![
                ("big", Some((80, 8, 100))),
                ("m", None),
                ("s", None),
                ("z", Some((15, 1, 67)))
            ]
        );
    }

    #[test]
    fn a_total_under_ten_suppresses_everything() {
        let a = audit_dimension("x", group("a", 5, 1).chain(group("b", 4, 0)));
        assert_eq!(cells(&a), vec![("a", None), ("b", None)]);
        assert_eq!(a.total, Cell::Suppressed(Suppression::SmallGroup));
    }

    #[test]
    fn no_small_group_means_no_suppression() {
        let a = audit_dimension("x", group("a", 10, 0).chain(group("b", 10, 10)));
        assert_eq!(cells(&a), vec![("a", Some((10, 0, 0))), ("b", Some((10, 10, 1000)))]);
    }

    #[test]
    fn rows_split_by_dimension_in_order() {
        let rows = [("sex", "f", true), ("ell", "yes", false), ("sex", "m", false)];
        let audits = audit(rows);
        let dims: Vec<_> = audits.iter().map(|a| a.dimension.as_str()).collect();
        assert_eq!(dims, ["ell", "sex"]);
        assert_eq!(audits[1].groups.len(), 2);
        assert!(audits
            .iter()
            .all(|a| a.total == Cell::Suppressed(Suppression::SmallGroup)));
    }
}
