//! The roster's `username` of each user (`sourcedId` → `username`), read
//! from a package's users.csv after an import, for the accounts prepared
//! for rostered people. The importer itself does not keep usernames.

use std::collections::HashMap;
use std::path::Path;

use crate::package::Package;
use crate::table::Table;
use crate::Refusal;

/// Every non-blank `username` of users.csv by `sourcedId`. A package
/// without users.csv gives an empty map.
pub fn usernames(path: &Path) -> Result<HashMap<String, String>, Refusal> {
    let package = Package::open(path)?;
    let Some(mode) = package.modes.get("users").copied() else {
        return Ok(HashMap::new());
    };
    package.read_file("users", |input| {
        let mut table = Table::open("users", mode, input, &["sourcedId", "username"])?;
        let mut out = HashMap::new();
        while let Some(row) = table.next_row()? {
            let (Ok(id), Ok(name)) = (row.text("sourcedId"), row.text("username")) else {
                continue;
            };
            if !id.trim().is_empty() && !name.trim().is_empty() {
                out.insert(id.trim().to_owned(), name.trim().to_owned());
            }
        }
        Ok(out)
    })?
}
