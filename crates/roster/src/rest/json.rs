//! The OneRoster 1.2 rostering JSON binding, as far as ssp reads it: the
//! collection wrapper (`{"users": […]}`), `GUIDRef`s (`{href, sourcedId,
//! type}`) and the records, each turned into its row of the CSV binding.
//! Servers differ on scalars (`"enabledUser": true` or `"true"`, a
//! `schoolYear` as a number), so scalars are read loosely.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

/// A scalar of any JSON type, kept as the text the CSV binding writes.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Loose(pub Option<String>);

impl Loose {
    pub fn as_str(&self) -> &str {
        self.0.as_deref().unwrap_or("")
    }
    /// A date (`2026-08-15`), also when the server sent a date-time.
    pub fn date(&self) -> &str {
        let s = self.as_str();
        match s.as_bytes().get(10) {
            Some(b'T') | Some(b' ') => &s[..10],
            _ => s,
        }
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Loose;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, number, boolean or null")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
                Ok(Loose(Some(v)))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
                Ok(Loose(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
                Ok(Loose(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// A reference to another record: only its `sourcedId` matters here.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct GuidRef {
    #[serde(rename = "sourcedId", default)]
    pub sourced_id: String,
}

fn refs(list: &[GuidRef]) -> String {
    list.iter().map(|r| r.sourced_id.as_str()).collect::<Vec<_>>().join(",")
}

fn opt_ref(r: &Option<GuidRef>) -> &str {
    r.as_ref().map_or("", |r| r.sourced_id.as_str())
}

fn list(items: &[Loose]) -> String {
    items.iter().map(Loose::as_str).collect::<Vec<_>>().join(",")
}

/// What every record has.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Base {
    #[serde(default)]
    pub sourced_id: String,
    #[serde(default)]
    pub status: Loose,
    #[serde(default)]
    pub date_last_modified: Loose,
}

/// One record of a collection: its common part and its CSV rows.
pub trait Record: for<'de> Deserialize<'de> {
    fn base(&self) -> &Base;
    /// The record's row in its file, after sourcedId, status and
    /// dateLastModified (which the caller writes).
    fn row(&self) -> Vec<String>;
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Org {
    #[serde(flatten)]
    pub base: Base,
    #[serde(default)]
    name: Loose,
    #[serde(default, rename = "type")]
    kind: Loose,
    #[serde(default)]
    identifier: Loose,
    #[serde(default)]
    parent: Option<GuidRef>,
}

impl Record for Org {
    fn base(&self) -> &Base {
        &self.base
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.name.as_str().to_owned(),
            self.kind.as_str().to_owned(),
            self.identifier.as_str().to_owned(),
            opt_ref(&self.parent).to_owned(),
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AcademicSession {
    #[serde(flatten)]
    pub base: Base,
    #[serde(default)]
    title: Loose,
    #[serde(default, rename = "type")]
    kind: Loose,
    #[serde(default)]
    start_date: Loose,
    #[serde(default)]
    end_date: Loose,
    #[serde(default)]
    parent: Option<GuidRef>,
    #[serde(default)]
    school_year: Loose,
}

impl Record for AcademicSession {
    fn base(&self) -> &Base {
        &self.base
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.title.as_str().to_owned(),
            self.kind.as_str().to_owned(),
            self.start_date.date().to_owned(),
            self.end_date.date().to_owned(),
            opt_ref(&self.parent).to_owned(),
            self.school_year.as_str().to_owned(),
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Course {
    #[serde(flatten)]
    pub base: Base,
    #[serde(default)]
    school_year: Option<GuidRef>,
    #[serde(default)]
    title: Loose,
    #[serde(default)]
    course_code: Loose,
    #[serde(default)]
    grades: Vec<Loose>,
    #[serde(default)]
    org: Option<GuidRef>,
    #[serde(default)]
    subjects: Vec<Loose>,
    #[serde(default)]
    subject_codes: Vec<Loose>,
}

impl Record for Course {
    fn base(&self) -> &Base {
        &self.base
    }
    fn row(&self) -> Vec<String> {
        vec![
            opt_ref(&self.school_year).to_owned(),
            self.title.as_str().to_owned(),
            self.course_code.as_str().to_owned(),
            list(&self.grades),
            opt_ref(&self.org).to_owned(),
            list(&self.subjects),
            list(&self.subject_codes),
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Class {
    #[serde(flatten)]
    pub base: Base,
    #[serde(default)]
    title: Loose,
    #[serde(default)]
    grades: Vec<Loose>,
    #[serde(default)]
    course: Option<GuidRef>,
    #[serde(default)]
    class_code: Loose,
    #[serde(default)]
    class_type: Loose,
    #[serde(default)]
    location: Loose,
    #[serde(default)]
    school: Option<GuidRef>,
    #[serde(default)]
    terms: Vec<GuidRef>,
    #[serde(default)]
    subjects: Vec<Loose>,
    #[serde(default)]
    subject_codes: Vec<Loose>,
    #[serde(default)]
    periods: Vec<Loose>,
}

impl Record for Class {
    fn base(&self) -> &Base {
        &self.base
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.title.as_str().to_owned(),
            list(&self.grades),
            opt_ref(&self.course).to_owned(),
            self.class_code.as_str().to_owned(),
            self.class_type.as_str().to_owned(),
            self.location.as_str().to_owned(),
            opt_ref(&self.school).to_owned(),
            refs(&self.terms),
            list(&self.subjects),
            list(&self.subject_codes),
            list(&self.periods),
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserId {
    #[serde(default, rename = "type")]
    kind: Loose,
    #[serde(default)]
    identifier: Loose,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Role {
    #[serde(default)]
    pub role_type: Loose,
    #[serde(default)]
    pub role: Loose,
    #[serde(default)]
    pub org: Option<GuidRef>,
    #[serde(default)]
    pub begin_date: Loose,
    #[serde(default)]
    pub end_date: Loose,
    #[serde(default)]
    pub user_profile: Loose,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    #[serde(flatten)]
    pub base: Base,
    #[serde(default)]
    enabled_user: Loose,
    #[serde(default)]
    username: Loose,
    #[serde(default)]
    user_ids: Vec<UserId>,
    #[serde(default)]
    given_name: Loose,
    #[serde(default)]
    family_name: Loose,
    #[serde(default)]
    middle_name: Loose,
    #[serde(default)]
    identifier: Loose,
    #[serde(default)]
    email: Loose,
    #[serde(default)]
    sms: Loose,
    #[serde(default)]
    phone: Loose,
    #[serde(default)]
    agents: Vec<GuidRef>,
    #[serde(default)]
    grades: Vec<Loose>,
    #[serde(default)]
    user_master_identifier: Loose,
    #[serde(default)]
    resources: Vec<GuidRef>,
    // The JSON binding says preferredFirstName/LastName; the CSV
    // preferredGivenName/FamilyName. Either is read.
    #[serde(default, alias = "preferredGivenName")]
    preferred_first_name: Loose,
    #[serde(default)]
    preferred_middle_name: Loose,
    #[serde(default, alias = "preferredFamilyName")]
    preferred_last_name: Loose,
    #[serde(default)]
    primary_org: Option<GuidRef>,
    #[serde(default)]
    pronouns: Loose,
    #[serde(default)]
    pub roles: Vec<Role>,
}

impl Record for User {
    fn base(&self) -> &Base {
        &self.base
    }
    fn row(&self) -> Vec<String> {
        let user_ids = self
            .user_ids
            .iter()
            .map(|u| format!("{{{}:{}}}", u.kind.as_str(), u.identifier.as_str()))
            .collect::<Vec<_>>()
            .join(",");
        vec![
            self.enabled_user.as_str().to_owned(),
            self.username.as_str().to_owned(),
            user_ids,
            self.given_name.as_str().to_owned(),
            self.family_name.as_str().to_owned(),
            self.middle_name.as_str().to_owned(),
            self.identifier.as_str().to_owned(),
            self.email.as_str().to_owned(),
            self.sms.as_str().to_owned(),
            self.phone.as_str().to_owned(),
            refs(&self.agents),
            list(&self.grades),
            // A password is never written down, whatever the server sends.
            String::new(),
            self.user_master_identifier.as_str().to_owned(),
            refs(&self.resources),
            self.preferred_first_name.as_str().to_owned(),
            self.preferred_middle_name.as_str().to_owned(),
            self.preferred_last_name.as_str().to_owned(),
            opt_ref(&self.primary_org).to_owned(),
            self.pronouns.as_str().to_owned(),
        ]
    }
}

impl User {
    /// The user's roles as rows of roles.csv (after sourcedId, status and
    /// dateLastModified): the JSON binding nests them without an id, so
    /// each gets `<user>-<org>-<role>`, as ssp's own export names them.
    pub fn role_rows(&self) -> Vec<(String, Vec<String>)> {
        self.roles
            .iter()
            .map(|r| {
                let org = opt_ref(&r.org);
                let id = format!("{}-{}-{}", self.base.sourced_id, org, r.role.as_str());
                (
                    id,
                    vec![
                        self.base.sourced_id.clone(),
                        r.role_type.as_str().to_owned(),
                        r.role.as_str().to_owned(),
                        r.begin_date.date().to_owned(),
                        r.end_date.date().to_owned(),
                        org.to_owned(),
                        r.user_profile.as_str().to_owned(),
                    ],
                )
            })
            .collect()
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Enrollment {
    #[serde(flatten)]
    pub base: Base,
    #[serde(default)]
    class: Option<GuidRef>,
    #[serde(default)]
    school: Option<GuidRef>,
    #[serde(default)]
    user: Option<GuidRef>,
    #[serde(default)]
    role: Loose,
    #[serde(default)]
    primary: Loose,
    #[serde(default)]
    begin_date: Loose,
    #[serde(default)]
    end_date: Loose,
}

impl Record for Enrollment {
    fn base(&self) -> &Base {
        &self.base
    }
    fn row(&self) -> Vec<String> {
        vec![
            opt_ref(&self.class).to_owned(),
            opt_ref(&self.school).to_owned(),
            opt_ref(&self.user).to_owned(),
            self.role.as_str().to_owned(),
            self.primary.as_str().to_owned(),
            self.begin_date.date().to_owned(),
            self.end_date.date().to_owned(),
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Demographics {
    #[serde(flatten)]
    pub base: Base,
    #[serde(default)]
    birth_date: Loose,
    #[serde(default)]
    sex: Loose,
    #[serde(default)]
    american_indian_or_alaska_native: Loose,
    #[serde(default)]
    asian: Loose,
    #[serde(default)]
    black_or_african_american: Loose,
    #[serde(default)]
    native_hawaiian_or_other_pacific_islander: Loose,
    #[serde(default)]
    white: Loose,
    #[serde(default)]
    demographic_race_two_or_more_races: Loose,
    #[serde(default)]
    hispanic_or_latino_ethnicity: Loose,
    #[serde(default)]
    country_of_birth_code: Loose,
    #[serde(default)]
    state_of_birth_abbreviation: Loose,
    #[serde(default)]
    city_of_birth: Loose,
    #[serde(default)]
    public_school_residence_status: Loose,
}

impl Record for Demographics {
    fn base(&self) -> &Base {
        &self.base
    }
    fn row(&self) -> Vec<String> {
        [
            self.birth_date.date(),
            self.sex.as_str(),
            self.american_indian_or_alaska_native.as_str(),
            self.asian.as_str(),
            self.black_or_african_american.as_str(),
            self.native_hawaiian_or_other_pacific_islander.as_str(),
            self.white.as_str(),
            self.demographic_race_two_or_more_races.as_str(),
            self.hispanic_or_latino_ethnicity.as_str(),
            self.country_of_birth_code.as_str(),
            self.state_of_birth_abbreviation.as_str(),
            self.city_of_birth.as_str(),
            self.public_school_residence_status.as_str(),
        ]
        .into_iter()
        .map(str::to_owned)
        .collect()
    }
}

/// Reads `{"<key>": [records…], …}`, ignoring every other member
/// (`statusInfoSet`, vendor extensions). `None` when the key is absent.
pub fn parse_collection<T: Record>(body: &[u8], key: &str) -> Result<Option<Vec<T>>, serde_json::Error> {
    struct Seed<'k, T> {
        key: &'k str,
        marker: PhantomData<T>,
    }
    impl<'de, T: Record> DeserializeSeed<'de> for Seed<'_, T> {
        type Value = Option<Vec<T>>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_map(self)
        }
    }
    impl<'de, T: Record> Visitor<'de> for Seed<'_, T> {
        type Value = Option<Vec<T>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "an object with a {:?} list", self.key)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut found = None;
            while let Some(k) = map.next_key::<String>()? {
                if k == self.key && found.is_none() {
                    found = Some(map.next_value::<Vec<T>>()?);
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(found)
        }
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = Seed {
        key,
        marker: PhantomData::<T>,
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_with_nested_roles_becomes_a_users_row_and_roles_rows() {
        let body = br#"{"users":[{"sourcedId":"stu-1","status":"active","dateLastModified":"2026-09-01T00:00:00Z",
            "enabledUser":true,"username":"amara","userIds":[{"type":"state","identifier":"S1"}],
            "givenName":"Amara","familyName":"Okafor","agents":[{"href":"/users/p1","sourcedId":"p1","type":"user"}],
            "grades":["06"],"password":"secret","primaryOrg":{"sourcedId":"sch-1"},
            "roles":[{"roleType":"primary","role":"student","org":{"sourcedId":"sch-1","type":"org"}}]}],
            "statusInfoSet":[]}"#;
        let users: Vec<User> = parse_collection(body, "users").unwrap().unwrap();
        let row = users[0].row();
        assert_eq!(row[0], "true");
        assert_eq!(row[2], "{state:S1}");
        assert_eq!(row[10], "p1");
        assert_eq!(row[11], "06");
        assert_eq!(row[12], "", "a password is never written");
        assert_eq!(row[18], "sch-1");
        let roles = users[0].role_rows();
        assert_eq!(roles[0].0, "stu-1-sch-1-student");
        assert_eq!(roles[0].1[..3], ["stu-1", "primary", "student"]);
    }

    #[test]
    fn dates_sent_as_date_times_keep_their_date() {
        let body = br#"{"academicSessions":[{"sourcedId":"y","title":"2026","type":"schoolYear",
            "startDate":"2025-08-15T00:00:00.000Z","endDate":"2026-06-10","schoolYear":2026}]}"#;
        let s: Vec<AcademicSession> = parse_collection(body, "academicSessions").unwrap().unwrap();
        assert_eq!(
            s[0].row(),
            ["2026", "schoolYear", "2025-08-15", "2026-06-10", "", "2026"]
        );
    }

    #[test]
    fn garbage_and_a_missing_list_are_told_apart() {
        assert!(parse_collection::<User>(b"<html>oops</html>", "users").is_err());
        assert!(parse_collection::<User>(br#"{"users":[{"sourcedId":1}]}"#, "users").is_err());
        assert!(parse_collection::<User>(br#"{"orgs":[]}"#, "users").unwrap().is_none());
    }
}
