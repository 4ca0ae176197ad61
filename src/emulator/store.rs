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

/// Handle to the database; cheap to clone.
#[derive(Clone)]
pub struct Store {
    db: Arc<Database>,
}

impl Store {
    /// Opens (or creates) the database file.
    pub fn open(path: &Path) -> Result<Self> {
        let db = Database::create(path)?;
        Ok(Store { db: Arc::new(db) })
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
            txn.commit().map_err(StoreError::from)?;
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
}
