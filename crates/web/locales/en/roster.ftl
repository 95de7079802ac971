# Roster import: messages added for lenient reading, honest summaries and kept roles.
roster-severity-warning = Warning
roster-kind-other-roles = Other roles (aide, proctor)
roster-nothing-loaded = Nothing was loaded: every row of the package had a problem. Fix the rows listed below in your student information system and import again.
roster-refusal-several-problems = The package has several problems; each is listed below. Fix them all, then import again.
