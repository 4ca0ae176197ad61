//! The emulator's persistent store: an embedded ACID database (redb) holding every record as
//! JSON under a string key, one table per record kind. Every acknowledged write is a committed,
//! fsynced transaction, so it survives `kill -9`.

use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};
use serde::{Serialize, de::DeserializeOwned};
use std::path::Path;
use std::sync::Arc;

/// Names of the record tables.
pub mod tables {
    /// Emulator-wide values (clock offset, control port, ...).
    pub const META: &str = "meta";
    /// Managed HSMs (live and soft-deleted), keyed by lower-cased name.
    pub const HSMS: &str = "hsms";
    /// ARM long-running operations, keyed by operation id.
    pub const OPERATIONS: &str = "operations";
    /// Resource groups, keyed by `<subscription>/<lower-cased name>`.
    pub const RESOURCE_GROUPS: &str = "resource_groups";
}

/// Store errors (I/O, database or encoding).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("state store: {0}")]
    Db(String),
    #[error("state store record '{key}' in '{table}' is not valid: {source}")]
    Decode {
        table: &'static str,
        key: String,
        source: serde_json::Error,
    },
}

macro_rules! db_err {
    ($($t:ty),*) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self { StoreError::Db(e.to_string()) }
        }
    )*};
}
db_err!(
    redb::DatabaseError,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError
);

pub type Result<T> = std::result::Result<T, StoreError>;

fn def(name: &'static str) -> TableDefinition<'static, &'static str, &'static [u8]> {
    TableDefinition::new(name)
}

/// Decoded lists kept between writes: (table, prefix) → (write generation, records).
type ListCache = std::sync::Mutex<
    std::collections::HashMap<(&'static str, String), (u64, Arc<dyn std::any::Any + Send + Sync>)>,
>;

/// Decoded records kept between writes: (table, key) → (write generation, record).
type RecordCache = std::sync::Mutex<
    std::collections::HashMap<(&'static str, String), (u64, Arc<dyn std::any::Any + Send + Sync>)>,
>;

/// Records [`Store::get_cached`] keeps (a full cache first drops the outdated ones, then all).
const RECORD_CACHE_CAPACITY: usize = 1024;

/// Handle to the database; cheap to clone.
#[derive(Clone)]
pub struct Store {
    db: Arc<Database>,
    /// Committed write transactions so far: a decoded list is reused only while it is unchanged.
    generation: Arc<std::sync::atomic::AtomicU64>,
    cache: Arc<ListCache>,
    records: Arc<RecordCache>,
}

impl Store {
    /// Opens (or creates) the database file.
    pub fn open(path: &Path) -> Result<Self> {
        let db = Database::create(path)?;
        Ok(Store {
            db: Arc::new(db),
            generation: Arc::default(),
            cache: Arc::default(),
            records: Arc::default(),
        })
    }

    /// Like [`Store::list`], but decoded once per committed write: hot, rarely written tables
    /// (role assignments, read by every authorization) cost a lookup, not a decode of every
    /// record. Never stale: any commit makes the next call read the table again (the generation
    /// is read before the table and bumped before a write is acknowledged).
    pub fn list_cached<T: DeserializeOwned + Send + Sync + 'static>(
        &self,
        table: &'static str,
        prefix: &str,
    ) -> Result<Arc<Vec<(String, T)>>> {
        use std::sync::atomic::Ordering;
        let generation = self.generation.load(Ordering::SeqCst);
        let key = (table, prefix.to_string());
        if let Some((g, v)) = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            && *g == generation
            && let Ok(v) = v.clone().downcast::<Vec<(String, T)>>()
        {
            return Ok(v);
        }
        let v = Arc::new(self.list::<T>(table, prefix)?);
        self.cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, (generation, v.clone()));
        Ok(v)
    }

    /// Like [`Store::get`], but decoded once per committed write, for the records every
    /// request reads (its HSM, the key and version it operates with). Never stale, as
    /// [`Store::list_cached`].
    pub fn get_cached<T: DeserializeOwned + Send + Sync + 'static>(
        &self,
        table: &'static str,
        key: &str,
    ) -> Result<Option<Arc<T>>> {
        use std::sync::atomic::Ordering;
        let generation = self.generation.load(Ordering::SeqCst);
        let lock = || self.records.lock().unwrap_or_else(|e| e.into_inner());
        let id = (table, key.to_string());
        // The entry is an `Option<Arc<T>>`: absent records (no restore running…) are kept too.
        if let Some((g, v)) = lock().get(&id)
            && *g == generation
            && let Ok(v) = v.clone().downcast::<Option<Arc<T>>>()
        {
            return Ok((*v).clone());
        }
        let v = self.get::<T>(table, key)?.map(Arc::new);
        let mut records = lock();
        if records.len() >= RECORD_CACHE_CAPACITY {
            records.retain(|_, (g, _)| *g == generation);
            if records.len() >= RECORD_CACHE_CAPACITY {
                records.clear();
            }
        }
        records.insert(id, (generation, Arc::new(v.clone())));
        Ok(v)
    }

    /// Reads one record.
    pub fn get<T: DeserializeOwned>(&self, table: &'static str, key: &str) -> Result<Option<T>> {
        let txn = self.db.begin_read()?;
        let t = match txn.open_table(def(table)) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        match t.get(key)? {
            Some(v) => decode(table, key, v.value()).map(Some),
            None => Ok(None),
        }
    }

    /// Lists the records whose key starts with `prefix`, in key order.
    pub fn list<T: DeserializeOwned>(
        &self,
        table: &'static str,
        prefix: &str,
    ) -> Result<Vec<(String, T)>> {
        self.snapshot()?.list(table, prefix)
    }

    /// A consistent read-only view of every table as of now (an MVCC read transaction): what a
    /// full backup reads, so concurrent writes never tear it.
    pub fn snapshot(&self) -> Result<Snapshot> {
        Ok(Snapshot {
            txn: self.db.begin_read()?,
        })
    }

    /// Runs `f` in one write transaction and commits it durably. Nothing is written when `f`
    /// fails. Blocking: the commit fsyncs.
    pub fn write<R, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&mut Tx<'_>) -> std::result::Result<R, E>,
    ) -> std::result::Result<R, E> {
        let run = || {
            let txn = self.db.begin_write().map_err(StoreError::from)?;
            let mut tx = Tx { txn: &txn };
            let r = f(&mut tx)?;
            let committed = txn.commit().map_err(StoreError::from);
            // Bumped even when the commit fails (its outcome is unknown): a cached list is then
            // read again.
            self.generation
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            committed?;
            Ok(r)
        };
        // The commit blocks on fsync; let other tasks run meanwhile.
        match tokio::runtime::Handle::try_current() {
            Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
                tokio::task::block_in_place(run)
            }
            _ => run(),
        }
    }
}

/// A read transaction: every read sees the same committed state.
pub struct Snapshot {
    txn: redb::ReadTransaction,
}

impl Snapshot {
    /// Lists the records whose key starts with `prefix`, in key order.
    pub fn list<T: DeserializeOwned>(
        &self,
        table: &'static str,
        prefix: &str,
    ) -> Result<Vec<(String, T)>> {
        let t = match self.txn.open_table(def(table)) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for item in t.range(prefix..)? {
            let (k, v) = item?;
            let k = k.value();
            if !k.starts_with(prefix) {
                break;
            }
            out.push((k.to_string(), decode(table, k, v.value())?));
        }
        Ok(out)
    }
}

/// A write transaction in progress.
pub struct Tx<'a> {
    txn: &'a redb::WriteTransaction,
}

impl Tx<'_> {
    pub fn get<T: DeserializeOwned>(
        &mut self,
        table: &'static str,
        key: &str,
    ) -> Result<Option<T>> {
        let t = self.txn.open_table(def(table))?;
        match t.get(key)? {
            Some(v) => decode(table, key, v.value()).map(Some),
            None => Ok(None),
        }
    }

    pub fn put<T: Serialize>(&mut self, table: &'static str, key: &str, value: &T) -> Result<()> {
        let bytes = serde_json::to_vec(value).map_err(|e| StoreError::Db(e.to_string()))?;
        let mut t = self.txn.open_table(def(table))?;
        t.insert(key, bytes.as_slice())?;
        Ok(())
    }

    pub fn delete(&mut self, table: &'static str, key: &str) -> Result<bool> {
        let mut t = self.txn.open_table(def(table))?;
        Ok(t.remove(key)?.is_some())
    }

    pub fn list<T: DeserializeOwned>(
        &mut self,
        table: &'static str,
        prefix: &str,
    ) -> Result<Vec<(String, T)>> {
        let t = self.txn.open_table(def(table))?;
        let mut out = Vec::new();
        for item in t.range(prefix..)? {
            let (k, v) = item?;
            let k = k.value();
            if !k.starts_with(prefix) {
                break;
            }
            out.push((k.to_string(), decode(table, k, v.value())?));
        }
        Ok(out)
    }

    /// Deletes every record whose key starts with `prefix`; returns how many.
    pub fn delete_prefix(&mut self, table: &'static str, prefix: &str) -> Result<usize> {
        let keys: Vec<String> = self
            .list::<serde_json::Value>(table, prefix)?
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        let mut t = self.txn.open_table(def(table))?;
        for k in &keys {
            t.remove(k.as_str())?;
        }
        Ok(keys.len())
    }
}

fn decode<T: DeserializeOwned>(table: &'static str, key: &str, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|source| StoreError::Decode {
        table,
        key: key.to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_read_list_and_rollback() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.redb")).unwrap();
        store
            .write(|tx| {
                tx.put(tables::HSMS, "a/1", &1u32)?;
                tx.put(tables::HSMS, "a/2", &2u32)?;
                tx.put(tables::HSMS, "b/1", &3u32)?;
                Ok::<_, StoreError>(())
            })
            .unwrap();
        let a: Vec<(String, u32)> = store.list(tables::HSMS, "a/").unwrap();
        assert_eq!(a, vec![("a/1".into(), 1), ("a/2".into(), 2)]);
        // A failing closure writes nothing.
        let r: std::result::Result<(), StoreError> = store.write(|tx| {
            tx.put(tables::HSMS, "c/1", &4u32)?;
            Err(StoreError::Db("boom".into()))
        });
        assert!(r.is_err());
        assert_eq!(store.get::<u32>(tables::HSMS, "c/1").unwrap(), None);
        // A snapshot does not see later writes.
        let snap = store.snapshot().unwrap();
        store
            .write(|tx| tx.put(tables::HSMS, "a/3", &5u32))
            .unwrap();
        assert_eq!(snap.list::<u32>(tables::HSMS, "a/").unwrap().len(), 2);
        assert_eq!(store.list::<u32>(tables::HSMS, "a/").unwrap().len(), 3);
        assert!(snap.list::<u32>(tables::OPERATIONS, "").unwrap().is_empty());
        assert_eq!(store.get::<u32>(tables::OPERATIONS, "x").unwrap(), None);
    }

    #[test]
    fn cached_records_are_read_again_after_every_commit() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        assert!(
            store
                .get_cached::<u32>(tables::HSMS, "h")
                .unwrap()
                .is_none()
        );
        store.write(|tx| tx.put(tables::HSMS, "h", &1u32)).unwrap();
        let first = store.get_cached::<u32>(tables::HSMS, "h").unwrap().unwrap();
        assert_eq!(*first, 1);
        let again = store.get_cached::<u32>(tables::HSMS, "h").unwrap().unwrap();
        assert!(
            Arc::ptr_eq(&first, &again),
            "no write: the record is reused"
        );
        store.write(|tx| tx.put(tables::HSMS, "h", &2u32)).unwrap();
        assert_eq!(
            *store.get_cached::<u32>(tables::HSMS, "h").unwrap().unwrap(),
            2
        );
        store.write(|tx| tx.delete(tables::HSMS, "h")).unwrap();
        assert!(
            store
                .get_cached::<u32>(tables::HSMS, "h")
                .unwrap()
                .is_none()
        );
        // Bounded.
        store.write(|tx| tx.put(tables::HSMS, "h", &3u32)).unwrap();
        store
            .write(|tx| {
                for i in 0..RECORD_CACHE_CAPACITY + 2 {
                    tx.put(tables::META, &format!("k{i}"), &1u32)?;
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
        for i in 0..RECORD_CACHE_CAPACITY + 2 {
            store
                .get_cached::<u32>(tables::META, &format!("k{i}"))
                .unwrap();
        }
        assert!(store.records.lock().unwrap().len() <= RECORD_CACHE_CAPACITY);
    }

    #[test]
    fn cached_lists_are_read_again_after_every_commit() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store
            .write(|tx| tx.put(tables::HSMS, "h/1", &1u32))
            .unwrap();
        let first = store.list_cached::<u32>(tables::HSMS, "h/").unwrap();
        assert_eq!(first.len(), 1);
        let again = store.list_cached::<u32>(tables::HSMS, "h/").unwrap();
        assert!(
            Arc::ptr_eq(&first, &again),
            "no write: the decoded list is reused"
        );
        store
            .write(|tx| tx.put(tables::HSMS, "h/2", &2u32))
            .unwrap();
        assert_eq!(
            store.list_cached::<u32>(tables::HSMS, "h/").unwrap().len(),
            2
        );
        // A write that fails changes nothing and leaves the list as it was.
        let failed: std::result::Result<(), StoreError> = store.write(|tx| {
            tx.delete(tables::HSMS, "h/1")?;
            Err(StoreError::Db("refused".into()))
        });
        assert!(failed.is_err());
        assert_eq!(
            store.list_cached::<u32>(tables::HSMS, "h/").unwrap().len(),
            2
        );
    }
}
