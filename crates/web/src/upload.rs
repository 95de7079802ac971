//! A multipart form with one file, read field by field: the text fields are
//! kept, the file is streamed to a staged file under the data directory and
//! given up as soon as it passes the upload limit (nothing is buffered in
//! memory). Shared by the portfolio page and its JSON API twin.

use std::path::PathBuf;

use axum::extract::Multipart;
use ssp_app::portfolio::artifacts::StagedFile;
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;

/// What the form carried.
#[derive(Debug, Default)]
pub struct Upload {
    pub fields: Vec<(String, String)>,
    /// The file, staged on disk (the caller removes it when done).
    pub staged: Option<StagedFile>,
    /// The file passed the limit; what was staged is already removed.
    pub too_big: bool,
}

impl Upload {
    /// The first value of a text field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Every value of a repeated field.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Removes the staged file, if any.
    pub async fn discard(&self) {
        if let Some(s) = &self.staged {
            let _ = tokio::fs::remove_file(&s.path).await;
        }
    }
}

fn staging_dir(state: &AppState) -> PathBuf {
    state.config().data_dir.join("uploads").join("portfolio")
}

/// Reads the form; the part named `file` (with a file name) is streamed to
/// disk up to the configured upload limit.
pub async fn read(state: &AppState, mut form: Multipart) -> Result<Upload, AppError> {
    let mut up = Upload::default();
    let limit = state.config().upload_limit;
    let dir = staging_dir(state);
    while let Some(mut field) = form
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest("malformed_form"))?
    {
        let name = field.name().unwrap_or("").to_owned();
        if name != "file" {
            let text = field.text().await.map_err(|_| AppError::BadRequest("malformed_form"))?;
            up.fields.push((name, text));
            continue;
        }
        let file_name = field.file_name().unwrap_or("").to_owned();
        if file_name.is_empty() {
            continue;
        }
        tokio::fs::create_dir_all(&dir)
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        let path = dir.join(Uuid::now_v7().to_string());
        let mut out = tokio::fs::File::create(&path)
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        let mut bytes: u64 = 0;
        let mut failed = None;
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    bytes += chunk.len() as u64;
                    if bytes > limit {
                        up.too_big = true;
                        break;
                    }
                    if let Err(e) = out.write_all(&chunk).await {
                        failed = Some(AppError::Internal(e.into()));
                        break;
                    }
                }
                Ok(None) => break,
                Err(_) => {
                    failed = Some(AppError::BadRequest("malformed_form"));
                    break;
                }
            }
        }
        let _ = out.flush().await;
        drop(out);
        if up.too_big || failed.is_some() {
            let _ = tokio::fs::remove_file(&path).await;
            up.discard().await;
            if let Some(e) = failed {
                return Err(e);
            }
            break;
        }
        // A second file replaces the first (the form has one file field).
        up.discard().await;
        up.staged = Some(StagedFile {
            path,
            name: file_name,
            bytes,
        });
    }
    Ok(up)
}

/// A small form whose file is read into memory: the admin pages' CSV loads
/// (course catalog, transcripts, indicator data).
#[derive(Debug, Default)]
pub struct SmallUpload {
    pub fields: Vec<(String, String)>,
    /// The part named `file`, unless it passed the limit.
    pub bytes: Option<Vec<u8>>,
    /// The file passed the limit; reading stopped there.
    pub too_big: bool,
}

impl SmallUpload {
    /// The first value of a text field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }
}

/// Reads every text field and the part named `file`, up to `limit` bytes.
pub async fn read_small(mut form: Multipart, limit: usize) -> Result<SmallUpload, AppError> {
    let bad = |_| AppError::BadRequest("malformed_form");
    let mut up = SmallUpload::default();
    while let Some(mut field) = form.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            let mut buf = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                if buf.len() + chunk.len() > limit {
                    up.too_big = true;
                    break;
                }
                buf.extend_from_slice(&chunk);
            }
            if !up.too_big {
                up.bytes = Some(buf);
            }
        } else {
            let value = field.text().await.map_err(bad)?;
            up.fields.push((name, value));
        }
    }
    Ok(up)
}
