//! Made-up people: names by culture and sex, pronouns, usernames, emails
//! and phones, and the person + account rows every one of them gets.

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use ssp_db::repo::bulk::{AccountRow, PersonRow};
use uuid::Uuid;

use crate::names::{
    ascii_slug, Given, ENGLISH_FAMILY, ENGLISH_FEMALE, ENGLISH_MALE, SPANISH_FAMILY, SPANISH_FEMALE, SPANISH_MALE,
};
use crate::school::{Batch, Gen};

/// Which name lists a family draws from (not the language it speaks: many
/// families with Spanish names speak English at home).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Culture {
    English,
    Spanish,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sex {
    Female,
    Male,
}

impl Sex {
    pub(crate) fn random(rng: &mut ChaCha8Rng, female_share: f64) -> Sex {
        if rng.gen_bool(female_share) {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    pub(crate) fn other(self) -> Sex {
        match self {
            Sex::Female => Sex::Male,
            Sex::Male => Sex::Female,
        }
    }

    pub(crate) fn pronouns(self) -> &'static str {
        match self {
            Sex::Female => "she/her",
            Sex::Male => "he/him",
        }
    }
}

pub(crate) fn given_name(rng: &mut ChaCha8Rng, culture: Culture, sex: Sex) -> Given {
    let list = match (culture, sex) {
        (Culture::English, Sex::Female) => ENGLISH_FEMALE,
        (Culture::English, Sex::Male) => ENGLISH_MALE,
        (Culture::Spanish, Sex::Female) => SPANISH_FEMALE,
        (Culture::Spanish, Sex::Male) => SPANISH_MALE,
    };
    list.choose(rng).copied().unwrap_or(("Alex", None))
}

pub(crate) fn family_name(rng: &mut ChaCha8Rng, culture: Culture) -> &'static str {
    let list = match culture {
        Culture::English => ENGLISH_FAMILY,
        Culture::Spanish => SPANISH_FAMILY,
    };
    list.choose(rng).copied().unwrap_or("Smith")
}

/// Everything about a new person that is not generated for them.
pub(crate) struct NewPerson<'a> {
    pub source_id: String,
    pub given: &'static str,
    pub family: &'static str,
    pub preferred: Option<&'static str>,
    pub pronouns: Option<&'static str>,
    pub language: &'static str,
    /// Domain of their email address, if they have one.
    pub email_domain: Option<&'a str>,
    pub phone: bool,
    pub ui_language: Option<&'static str>,
}

/// Where a new person's rows landed in the batch.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Made {
    pub id: Uuid,
    pub person: usize,
    pub account: usize,
}

impl Batch {
    /// Adds the person row and their account (username
    /// `given.family.N`, N unique across the state).
    pub(crate) fn add_person(&mut self, gen: &mut Gen, district_id: Uuid, p: NewPerson<'_>) -> Made {
        let id = gen.ids.next();
        gen.accounts_made += 1;
        let username = format!(
            "{}.{}.{}",
            ascii_slug(p.given, 20),
            ascii_slug(p.family, 24),
            gen.accounts_made
        );
        let email = p.email_domain.map(|domain| format!("{username}@{domain}"));
        let phone = p.phone.then(|| format!("(860) 555-01{:02}", gen.rng.gen_range(0..100)));
        self.persons.push(PersonRow {
            id,
            district_id,
            source_id: p.source_id,
            given_name: p.given,
            family_name: p.family,
            preferred_name: p.preferred,
            pronouns: p.pronouns,
            email: email.clone(),
            phone,
            preferred_language: p.language,
        });
        self.accounts.push(AccountRow {
            id: gen.ids.next(),
            person_id: id,
            username,
            email,
            ui_language: p.ui_language,
        });
        Made {
            id,
            person: self.persons.len() - 1,
            account: self.accounts.len() - 1,
        }
    }

    /// Gives a showcase person their fixed username (and a matching email
    /// address if they have one).
    pub(crate) fn rename(&mut self, made: Made, username: &str) {
        let account = &mut self.accounts[made.account];
        account.username = username.to_owned();
        if let Some(email) = &account.email {
            let domain = email.split_once('@').map(|(_, d)| d).unwrap_or("example.org");
            let email = format!("{username}@{domain}");
            account.email = Some(email.clone());
            self.persons[made.person].email = Some(email);
        }
    }
}
