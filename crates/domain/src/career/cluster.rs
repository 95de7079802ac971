//! Career clusters (placeholder: being written).
