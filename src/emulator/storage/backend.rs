//! Backend of the embedded Blob service: containers are folders `DIR/storage/{account}/{container}`
//! served through object_store's `LocalFileSystem` (atomic writes by rename); uncommitted blocks
//! wait in `DIR/storage/.blocks/{account}/{container}/{blob hash}/{block hash}` until a block
//! list commits them. Blob names map to object_store paths segment by segment, so `.`/`..`
//! never reach the filesystem.

use bytes::Bytes;
use futures::StreamExt;
use object_store::local::LocalFileSystem;
use object_store::path::{Path, PathPart};
use object_store::{GetOptions, GetRange, ObjectMeta, ObjectStore, ObjectStoreExt, PutPayload};
use std::path::PathBuf;

/// A backend failure (the protocol layer turns it into an Azure error).
#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error("container not found")]
    ContainerNotFound,
    #[error("blob not found")]
    BlobNotFound,
    /// A blob `a` and a blob `a/b` cannot both exist in a folder-backed container.
    #[error("path conflict: {0}")]
    PathConflict(String),
    #[error("block not found: {0}")]
    BlockNotFound(String),
    #[error("{0}")]
    Io(String),
}

impl From<std::io::Error> for BackendError {
    fn from(e: std::io::Error) -> Self {
        BackendError::Io(e.to_string())
    }
}

impl From<object_store::Error> for BackendError {
    fn from(e: object_store::Error) -> Self {
        match e {
            object_store::Error::NotFound { .. } => BackendError::BlobNotFound,
            other => BackendError::Io(other.to_string()),
        }
    }
}

/// A blob's listing entry.
#[derive(Debug, Clone)]
pub struct BlobMeta {
    pub name: String,
    pub size: u64,
    /// Unix seconds of the last write.
    pub modified: i64,
    /// Azure-style ETag without quotes (`0x8D…`).
    pub etag: String,
}

/// The folder tree under `DIR/storage`.
#[derive(Debug, Clone)]
pub struct Backend {
    root: PathBuf,
}

/// A blob name as an object_store path: each `/`-separated segment becomes one part
/// (characters unsafe on a filesystem are percent-encoded by `PathPart`).
pub fn blob_path(name: &str) -> Path {
    Path::from_iter(name.split('/').map(PathPart::from))
}

/// The blob name of an object_store path (inverse of [`blob_path`]).
fn blob_name(path: &Path) -> String {
    path.parts()
        .map(|p| crate::crypto::sas::percent_decode(p.as_ref()))
        .collect::<Vec<_>>()
        .join("/")
}

/// An Azure-looking ETag derived from the file's identity (inode, mtime, size).
fn etag(meta: &ObjectMeta) -> String {
    let d = aws_lc_rs::digest::digest(
        &aws_lc_rs::digest::SHA256,
        meta.e_tag.as_deref().unwrap_or_default().as_bytes(),
    );
    let hex: String = d.as_ref()[..7].iter().map(|b| format!("{b:02X}")).collect();
    format!("0x8D{hex}")
}

fn to_meta(meta: &ObjectMeta) -> BlobMeta {
    BlobMeta {
        name: blob_name(&meta.location),
        size: meta.size,
        modified: meta.last_modified.timestamp(),
        etag: etag(meta),
    }
}

fn hash_hex(s: &str) -> String {
    aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, s.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Backend {
    pub fn new(state_dir: &std::path::Path) -> Backend {
        Backend {
            root: state_dir.join("storage"),
        }
    }

    fn container_dir(&self, account: &str, container: &str) -> PathBuf {
        self.root.join(account).join(container)
    }

    fn blocks_dir(&self, account: &str, container: &str, blob: &str) -> PathBuf {
        self.root
            .join(".blocks")
            .join(account)
            .join(container)
            .join(hash_hex(blob))
    }

    /// The container's store, or `ContainerNotFound`.
    fn store(&self, account: &str, container: &str) -> Result<LocalFileSystem, BackendError> {
        let dir = self.container_dir(account, container);
        if !dir.is_dir() {
            return Err(BackendError::ContainerNotFound);
        }
        Ok(LocalFileSystem::new_with_prefix(&dir)
            .map_err(|e| BackendError::Io(e.to_string()))?
            .with_automatic_cleanup(true))
    }

    /// Creates a container; `false` when it already existed.
    pub fn create_container(&self, account: &str, container: &str) -> Result<bool, BackendError> {
        let dir = self.container_dir(account, container);
        if dir.is_dir() {
            return Ok(false);
        }
        std::fs::create_dir_all(&dir)?;
        Ok(true)
    }

    /// Last-modified time (Unix seconds) of an existing container.
    pub fn container_modified(&self, account: &str, container: &str) -> Result<i64, BackendError> {
        let dir = self.container_dir(account, container);
        let m = std::fs::metadata(&dir).map_err(|_| BackendError::ContainerNotFound)?;
        if !m.is_dir() {
            return Err(BackendError::ContainerNotFound);
        }
        Ok(unix(m.modified()?))
    }

    pub fn delete_container(&self, account: &str, container: &str) -> Result<(), BackendError> {
        let dir = self.container_dir(account, container);
        if !dir.is_dir() {
            return Err(BackendError::ContainerNotFound);
        }
        std::fs::remove_dir_all(&dir)?;
        let _ = std::fs::remove_dir_all(self.root.join(".blocks").join(account).join(container));
        Ok(())
    }

    /// A blob's properties, `None` when it does not exist.
    pub async fn head(
        &self,
        account: &str,
        container: &str,
        blob: &str,
    ) -> Result<Option<BlobMeta>, BackendError> {
        let store = self.store(account, container)?;
        match store.head(&blob_path(blob)).await {
            Ok(m) => Ok(Some(to_meta(&m))),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            // A folder (prefix of other blobs) is not a blob.
            Err(_) if self.fs_path(&store, blob).is_some_and(|p| p.is_dir()) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn fs_path(&self, store: &LocalFileSystem, blob: &str) -> Option<PathBuf> {
        store.path_to_filesystem(&blob_path(blob)).ok()
    }

    /// Reads `range` (start, end exclusive) of a blob as a stream of chunks.
    pub async fn get(
        &self,
        account: &str,
        container: &str,
        blob: &str,
        range: Option<(u64, u64)>,
    ) -> Result<futures::stream::BoxStream<'static, Result<Bytes, std::io::Error>>, BackendError>
    {
        let store = self.store(account, container)?;
        let opts = GetOptions {
            range: range.map(|(a, b)| GetRange::Bounded(a..b)),
            ..Default::default()
        };
        let r = store.get_opts(&blob_path(blob), opts).await?;
        Ok(r.into_stream()
            .map(|c| c.map_err(|e| std::io::Error::other(e.to_string())))
            .boxed())
    }

    /// Refuses a write that a folder tree cannot hold: `a` when `a/...` blobs exist, or
    /// `a/b` when a blob `a` exists.
    fn check_conflict(&self, store: &LocalFileSystem, blob: &str) -> Result<(), BackendError> {
        let segments: Vec<&str> = blob.split('/').collect();
        for i in 1..segments.len() {
            let parent = segments[..i].join("/");
            if self.fs_path(store, &parent).is_some_and(|p| p.is_file()) {
                return Err(BackendError::PathConflict(format!(
                    "a blob named '{parent}' exists, so '{blob}' cannot be stored beside it"
                )));
            }
        }
        if self.fs_path(store, blob).is_some_and(|p| p.is_dir()) {
            return Err(BackendError::PathConflict(format!(
                "blobs named '{blob}/...' exist, so '{blob}' cannot be stored beside them"
            )));
        }
        Ok(())
    }

    /// Stamps the file with the emulator clock (Last-Modified follows emulated time) and
    /// returns the blob's properties.
    async fn finish_write(
        &self,
        store: &LocalFileSystem,
        blob: &str,
        now: std::time::SystemTime,
    ) -> Result<BlobMeta, BackendError> {
        if let Some(p) = self.fs_path(store, blob)
            && let Ok(f) = std::fs::File::options().write(true).open(&p)
        {
            let _ = f.set_modified(now);
        }
        Ok(to_meta(&store.head(&blob_path(blob)).await?))
    }

    /// Put Blob: replaces the blob atomically.
    pub async fn put(
        &self,
        account: &str,
        container: &str,
        blob: &str,
        data: Bytes,
        now: std::time::SystemTime,
    ) -> Result<BlobMeta, BackendError> {
        let store = self.store(account, container)?;
        self.check_conflict(&store, blob)?;
        store
            .put(&blob_path(blob), PutPayload::from_bytes(data))
            .await?;
        // Uncommitted blocks of the blob are discarded by a Put Blob, as in Azure.
        let _ = std::fs::remove_dir_all(self.blocks_dir(account, container, blob));
        self.finish_write(&store, blob, now).await
    }

    /// Put Block: stages one uncommitted block.
    pub fn put_block(
        &self,
        account: &str,
        container: &str,
        blob: &str,
        block_id: &str,
        data: &[u8],
    ) -> Result<(), BackendError> {
        self.store(account, container)?;
        let dir = self.blocks_dir(account, container, blob);
        std::fs::create_dir_all(&dir)?;
        let tmp = dir.join(format!("{}.tmp", uuid::Uuid::new_v4()));
        std::fs::write(&tmp, data)?;
        std::fs::rename(&tmp, dir.join(hash_hex(block_id)))?;
        Ok(())
    }

    /// Put Block List: writes the staged blocks, in order, as the blob's new content.
    pub async fn commit(
        &self,
        account: &str,
        container: &str,
        blob: &str,
        block_ids: &[String],
        now: std::time::SystemTime,
    ) -> Result<BlobMeta, BackendError> {
        let store = self.store(account, container)?;
        self.check_conflict(&store, blob)?;
        let dir = self.blocks_dir(account, container, blob);
        let files: Vec<PathBuf> = block_ids.iter().map(|id| dir.join(hash_hex(id))).collect();
        for (id, f) in block_ids.iter().zip(&files) {
            if !f.is_file() {
                return Err(BackendError::BlockNotFound(id.clone()));
            }
        }
        let path = blob_path(blob);
        if files.is_empty() {
            store.put(&path, PutPayload::default()).await?;
        } else {
            // A multipart upload writes a staging file renamed into place on completion, so
            // readers never see a partial blob.
            let mut upload = store.put_multipart(&path).await?;
            for f in &files {
                let data = tokio::fs::read(f).await?;
                if let Err(e) = upload.put_part(PutPayload::from(data)).await {
                    let _ = upload.abort().await;
                    return Err(e.into());
                }
            }
            upload.complete().await?;
        }
        let _ = std::fs::remove_dir_all(&dir);
        self.finish_write(&store, blob, now).await
    }

    pub async fn delete(
        &self,
        account: &str,
        container: &str,
        blob: &str,
    ) -> Result<(), BackendError> {
        let store = self.store(account, container)?;
        if store.head(&blob_path(blob)).await.is_err() {
            return Err(BackendError::BlobNotFound);
        }
        store.delete(&blob_path(blob)).await?;
        let _ = std::fs::remove_dir_all(self.blocks_dir(account, container, blob));
        Ok(())
    }

    /// Every blob whose name starts with `prefix`, sorted by name (Azure's order: UTF-8 bytes).
    pub async fn list(
        &self,
        account: &str,
        container: &str,
        prefix: &str,
    ) -> Result<Vec<BlobMeta>, BackendError> {
        let store = self.store(account, container)?;
        // object_store lists by folder, Azure by string prefix: list the folder part of the
        // prefix and filter.
        let folder = match prefix.rfind('/') {
            Some(i) => &prefix[..i],
            None => "",
        };
        if folder.split('/').any(|s| s == "." || s == "..") {
            return Ok(Vec::new());
        }
        let folder_path = (!folder.is_empty()).then(|| blob_path(folder));
        let mut stream = store.list(folder_path.as_ref());
        let mut out = Vec::new();
        while let Some(item) = stream.next().await {
            match item {
                Ok(m) => {
                    let b = to_meta(&m);
                    if b.name.starts_with(prefix) {
                        out.push(b);
                    }
                }
                // The folder does not exist (no blob under the prefix).
                Err(object_store::Error::NotFound { .. }) => break,
                Err(e) => return Err(e.into()),
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }
}

pub fn unix(t: std::time::SystemTime) -> i64 {
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn odd_names_round_trip_and_folders_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let b = Backend::new(dir.path());
        assert!(b.create_container("acct", "c1").unwrap());
        assert!(!b.create_container("acct", "c1").unwrap());
        let now = std::time::SystemTime::now();
        let names = [
            "plain",
            "f/a b+c.json",
            "f/percent%2E%2E",
            "f/hash#1",
            "f/ünï",
            "f/back\\slash",
        ];
        for n in names {
            b.put("acct", "c1", n, Bytes::from(n.to_string()), now)
                .await
                .unwrap();
        }
        let listed: Vec<String> = b
            .list("acct", "c1", "")
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.name)
            .collect();
        let mut want: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(listed, want);
        // Nothing escaped the container folder.
        assert!(!dir.path().join("storage/acct/..").join("percent").exists());
        assert!(matches!(
            b.put("acct", "c1", "plain/child", Bytes::new(), now).await,
            Err(BackendError::PathConflict(_))
        ));
        assert!(matches!(
            b.put("acct", "c1", "f", Bytes::new(), now).await,
            Err(BackendError::PathConflict(_))
        ));
        assert!(b.head("acct", "c1", "f").await.unwrap().is_none());
        // Prefix listing is by string, not by folder.
        let p: Vec<String> = b
            .list("acct", "c1", "f/p")
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(p, vec!["f/percent%2E%2E"]);
        assert!(b.list("acct", "c1", "nothing/").await.unwrap().is_empty());
        // Blocks commit in the listed order.
        b.put_block("acct", "c1", "big", "AAA=", b"hello ").unwrap();
        b.put_block("acct", "c1", "big", "AAE=", b"world").unwrap();
        let m = b
            .commit("acct", "c1", "big", &["AAA=".into(), "AAE=".into()], now)
            .await
            .unwrap();
        assert_eq!(m.size, 11);
        assert!(matches!(
            b.commit("acct", "c1", "big", &["AAA=".into()], now).await,
            Err(BackendError::BlockNotFound(_))
        ));
        b.delete("acct", "c1", "big").await.unwrap();
        assert!(matches!(
            b.delete("acct", "c1", "big").await,
            Err(BackendError::BlobNotFound)
        ));
        // Deleting the last blob of a folder keeps the container.
        for n in names {
            b.delete("acct", "c1", n).await.unwrap();
        }
        assert!(b.container_modified("acct", "c1").is_ok());
        assert!(matches!(
            b.list("acct", "nope", "").await,
            Err(BackendError::ContainerNotFound)
        ));
    }
}
