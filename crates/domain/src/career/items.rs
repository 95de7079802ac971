//! The interest inventory's 60 items, in ssp's own words (placeholder: being written).
