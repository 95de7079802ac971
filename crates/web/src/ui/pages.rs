//! What every page template gets: language, CSRF token, who is signed in,
//! and the translation helpers templates call (`page.t("key")`).

use std::fmt::Display;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use ssp_domain::Language;

use crate::context::Ctx;
use crate::error::AppError;
use crate::i18n;
use crate::when::Local;

pub struct Page {
    pub lang: Language,
    pub title: String,
    pub csrf: String,
    pub path: String,
    /// The signed-in person's display name.
    pub user: Option<String>,
    pub show_language_switch: bool,
    /// (href, label, current) for the main navigation.
    pub nav: Vec<(String, String, bool)>,
    /// Dates and times in the district's zone, written the reader's way.
    pub local: Local,
}

impl Page {
    pub fn new(ctx: &Ctx, title_key: &str) -> Self {
        Self {
            lang: ctx.lang,
            title: i18n::t(ctx.lang, title_key),
            csrf: ctx.csrf_token().to_owned(),
            path: ctx.path.clone(),
            user: ctx.session.as_ref().map(|s| s.name.display()),
            show_language_switch: true,
            nav: nav(ctx),
            local: Local::of(ctx),
        }
    }

    /// A moment as the reader should read it.
    pub fn when(&self, at: time::OffsetDateTime) -> String {
        self.local.when(at)
    }

    /// A calendar date as the reader should read it.
    pub fn date(&self, d: time::Date) -> String {
        self.local.date(d)
    }

    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    /// A message with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: impl Display) -> String {
        i18n::t_args(self.lang, key, &[(name, value.to_string())])
    }

    /// A message with several arguments.
    pub fn t_args(&self, key: &str, args: &[(&'static str, String)]) -> String {
        i18n::t_args(self.lang, key, args)
    }

    pub fn languages(&self) -> &'static [Language] {
        &Language::ALL
    }
}

fn nav(ctx: &Ctx) -> Vec<(String, String, bool)> {
    let Some(s) = &ctx.session else { return vec![] };
    let path = ctx.path.split('?').next().unwrap_or("/");
    let mut items = vec![("/".to_owned(), "nav-home")];
    // A partner organisation's user is no one to the school: their
    // referrals and the directory, nothing else.
    let partner_only = s.facts.is_partner_user && !s.is_staff() && !s.facts.is_student && !s.facts.is_guardian;
    if s.facts.is_partner_user {
        items.push(("/partner".to_owned(), "nav-partner-referrals"));
    }
    if partner_only {
        items.push(("/partners".to_owned(), "nav-partners"));
    }
    if s.facts.is_student {
        items.push((format!("/students/{}", s.person_id), "nav-my-plan"));
    }
    if s.is_staff() {
        items.push(("/students".to_owned(), "nav-students"));
        items.push(("/flags".to_owned(), "nav-my-flags"));
        items.push(("/partners".to_owned(), "nav-partners"));
    }
    if !partner_only {
        items.push(("/careers".to_owned(), "nav-careers"));
    }
    if s.is_district_admin() {
        items.push(("/admin/audit".to_owned(), "nav-audit"));
        items.push(("/admin/plan-settings".to_owned(), "nav-settings"));
        items.push(("/admin/roster".to_owned(), "nav-roster"));
        items.push(("/admin/accounts".to_owned(), "nav-accounts"));
        items.push(("/admin/pathways".to_owned(), "nav-pathways"));
        items.push(("/admin/catalog".to_owned(), "nav-catalog"));
        items.push(("/admin/graduation".to_owned(), "nav-graduation"));
        items.push(("/admin/portfolio".to_owned(), "nav-portfolio-settings"));
        items.push(("/admin/support".to_owned(), "nav-support-settings"));
    }
    items
        .into_iter()
        .map(|(href, key)| {
            let current = if href == "/" {
                path == "/"
            } else {
                path == href || path.starts_with(&format!("{href}/"))
            };
            (href, i18n::t(ctx.lang, key), current)
        })
        .collect()
}

/// Renders a template into an HTML response (a render failure is a 500).
pub fn render(t: &impl Template) -> Result<Response, AppError> {
    let body = t
        .render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?;
    Ok(Html(body).into_response())
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    page: Page,
    status: u16,
    code: &'a str,
    message: &'a str,
    request_line: String,
}

/// The full error page for `render_error_pages`. With the request's
/// context it keeps the site header (who is signed in, sign-out, the
/// language menu) and the navigation; without one (the session could not
/// be read) it is a bare page.
pub fn error_page(
    ctx: Option<&Ctx>,
    lang: Language,
    status: StatusCode,
    code: &str,
    message: &str,
    request_id: &str,
) -> Html<String> {
    let page = match ctx {
        // After a language change the person lands on the home page: the
        // failed request may have been a form post.
        Some(ctx) => Page {
            path: "/".into(),
            ..Page::new(ctx, "error-heading")
        },
        None => Page {
            lang,
            title: i18n::t(lang, "error-heading"),
            csrf: String::new(),
            path: "/".into(),
            user: None,
            show_language_switch: false,
            nav: vec![],
            local: Local::new(None, lang),
        },
    };
    let request_line = page.t1("error-request-id", "id", request_id);
    let t = ErrorTemplate {
        page,
        status: status.as_u16(),
        code,
        message,
        request_line,
    };
    Html(t.render().unwrap_or_else(|_| format!("{message} ({request_id})")))
}

/// What a person typed into a refused form, so the page shows it again
/// beside the message instead of an empty form.
#[derive(Debug, Default, Clone)]
pub struct Draft {
    form: &'static str,
    values: Vec<(&'static str, String)>,
}

impl Draft {
    /// The values typed into the form named `form` (a name the template
    /// uses, such as `check_in` or `reflection`).
    pub fn new(form: &'static str, values: Vec<(&'static str, String)>) -> Self {
        Self { form, values }
    }

    /// Whether this is what was typed into `form`.
    pub fn is(&self, form: &str) -> bool {
        !self.form.is_empty() && self.form == form
    }

    /// The value typed into `field` of `form`, or "".
    pub fn v(&self, form: &str, field: &str) -> &str {
        if !self.is(form) {
            return "";
        }
        self.values
            .iter()
            .find(|(k, _)| *k == field)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }
}
