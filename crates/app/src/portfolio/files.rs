//! Where portfolio files live: an [`ObjectStore`] — a directory under the
//! data directory by default (`files/`), or any store `object_store`
//! speaks (S3-compatible storage in production) — with the upload limits.
//! Files are written from a staged file on disk in 5 MiB parts and read
//! back as a stream, so neither direction holds a whole file in memory.

use std::path::Path;
use std::sync::Arc;

use futures::stream::BoxStream;
use futures::StreamExt;
use object_store::local::LocalFileSystem;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use ssp_domain::portfolio::content::{UploadLimits, DEFAULT_QUOTA_BYTES};
use tokio::io::AsyncReadExt;

use crate::error::Error;

/// The part size of a streamed write: 5 MiB, the smallest part S3 takes;
/// with one part in flight a write holds about two parts.
const PART_BYTES: usize = 5 << 20;

/// The file store and its limits.
#[derive(Clone)]
pub struct Files {
    store: Arc<dyn ObjectStore>,
    pub limits: UploadLimits,
    /// Bytes each student may keep.
    pub quota: u64,
}

impl std::fmt::Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Files")
            .field("store", &self.store.to_string())
            .field("quota", &self.quota)
            .finish()
    }
}

fn store_error(e: object_store::Error) -> Error {
    Error::Internal(anyhow::Error::new(e).context("the file store"))
}

impl Files {
    /// Files in a directory on this machine (created if missing).
    pub fn local(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let store = LocalFileSystem::new_with_prefix(dir).map_err(std::io::Error::other)?;
        Ok(Self::with_store(Arc::new(store)))
    }

    /// Any object store (S3-compatible storage is built by the caller with
    /// `object_store`'s builders).
    pub fn with_store(store: Arc<dyn ObjectStore>) -> Self {
        Files {
            store,
            limits: UploadLimits::default(),
            quota: DEFAULT_QUOTA_BYTES,
        }
    }

    /// Writes a staged file under `key`, streamed in parts.
    pub async fn put_file(&self, key: &str, staged: &Path) -> Result<(), Error> {
        let path = StorePath::from(key);
        let upload = self.store.put_multipart(&path).await.map_err(store_error)?;
        let mut write = WriteMultipart::new_with_chunk_size(upload, PART_BYTES);
        let mut file = tokio::fs::File::open(staged)
            .await
            .map_err(|e| Error::Internal(e.into()))?;
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = file.read(&mut buf).await.map_err(|e| Error::Internal(e.into()))?;
            if n == 0 {
                break;
            }
            write.wait_for_capacity(1).await.map_err(store_error)?;
            write.write(&buf[..n]);
        }
        write.finish().await.map_err(store_error)?;
        Ok(())
    }

    /// Writes small bytes (a thumbnail, an export) under `key`.
    pub async fn put_bytes(&self, key: &str, bytes: Vec<u8>) -> Result<(), Error> {
        self.store
            .put(&StorePath::from(key), PutPayload::from(bytes))
            .await
            .map_err(store_error)?;
        Ok(())
    }

    /// The file under `key` as a stream of chunks, with its size.
    pub async fn get(
        &self,
        key: &str,
    ) -> Result<(u64, BoxStream<'static, Result<bytes::Bytes, std::io::Error>>), Error> {
        let got = self.store.get(&StorePath::from(key)).await.map_err(|e| match e {
            object_store::Error::NotFound { .. } => Error::NotFound,
            e => store_error(e),
        })?;
        let size = got.meta.size;
        let stream = got.into_stream().map(|r| r.map_err(std::io::Error::other)).boxed();
        Ok((size, stream))
    }

    /// Removes the file under `key` (a missing file is not an error).
    pub async fn delete(&self, key: &str) -> Result<(), Error> {
        match self.store.delete(&StorePath::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(store_error(e)),
        }
    }
}
