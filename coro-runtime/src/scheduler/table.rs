//! The live tasks: one hash table keyed by the task id, the entries inline, hashed so that
//! tasks spawned one after another sit side by side in memory.
//!
//! Ids are the public, sequential numbers that Beazley's `tid`s are (a task spawned after
//! task 2 was killed is task 3, and the ported examples print it), so they cannot name a
//! slot that is reused; a slab beside an id index paid for both tables (and the slab's
//! spare capacity) per task. Here the id is the key and the entry sits in the table's own
//! buckets: per task, one bucket (the id and the entry) and one control byte.

use core::hash::{BuildHasherDefault, Hasher};
use std::collections::HashMap;
use std::collections::hash_map::Keys;

use super::task::TaskId;

/// Hashes a [`TaskId`] for [`Table`]. The low bits are the id itself, so consecutive ids
/// land in consecutive buckets: a round of the ready queue (tasks in spawn order, mostly)
/// walks the table in order instead of jumping around it. The top 7 bits, which the
/// table keeps in its control bytes to tell buckets apart without reading them, are
/// mixed from the whole id (ids stay far below 2^57, where those bits would be the id's).
#[derive(Default)]
pub(super) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        // `TaskId` hashes as one `u64` (below); anything else folds in byte by byte.
        for &byte in bytes {
            self.write_u64(self.0.rotate_left(8) ^ u64::from(byte));
        }
    }

    fn write_u64(&mut self, n: u64) {
        const TOP7: u64 = 0xFE00_0000_0000_0000;
        self.0 = n ^ (n.wrapping_mul(0x9E37_79B9_7F4A_7C15) & TOP7);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Live tasks by id.
pub(super) struct Table<E> {
    entries: HashMap<TaskId, E, BuildHasherDefault<IdHasher>>,
}

impl<E> Table<E> {
    pub(super) fn new() -> Self {
        Table {
            entries: HashMap::default(),
        }
    }

    /// Adds a task (whose id is new).
    pub(super) fn insert(&mut self, id: TaskId, entry: E) {
        let old = self.entries.insert(id, entry);
        debug_assert!(old.is_none(), "{id} inserted twice");
    }

    pub(super) fn get(&self, id: &TaskId) -> Option<&E> {
        self.entries.get(id)
    }

    pub(super) fn get_mut(&mut self, id: &TaskId) -> Option<&mut E> {
        self.entries.get_mut(id)
    }

    pub(super) fn contains_key(&self, id: &TaskId) -> bool {
        self.entries.contains_key(id)
    }

    pub(super) fn remove(&mut self, id: &TaskId) -> Option<E> {
        self.entries.remove(id)
    }

    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(super) fn keys(&self) -> Keys<'_, TaskId, E> {
        self.entries.keys()
    }

    /// Empties the table, handing out every entry.
    pub(super) fn drain(&mut self) -> impl Iterator<Item = (TaskId, E)> + '_ {
        self.entries.drain()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::hash::BuildHasher;

    fn hash(id: u64) -> u64 {
        BuildHasherDefault::<IdHasher>::default().hash_one(TaskId::new(id))
    }

    #[test]
    fn consecutive_ids_hash_to_consecutive_low_bits_and_mixed_top_bits() {
        for id in [1, 2, 3, 1000, 123_456_789] {
            assert_eq!(hash(id) & ((1 << 57) - 1), id);
        }
        let tops: std::collections::HashSet<u64> = (1..=1000).map(|id| hash(id) >> 57).collect();
        assert!(tops.len() > 100, "only {} distinct top bits", tops.len());
    }

    #[test]
    fn a_removed_task_is_gone_and_others_stay() {
        let mut table = Table::new();
        let (a, b) = (TaskId::new(1), TaskId::new(2));
        table.insert(a, "a");
        table.insert(b, "b");
        assert_eq!(table.remove(&a), Some("a"));
        assert_eq!(table.get(&a), None);
        assert_eq!(table.get_mut(&b), Some(&mut "b"));
        assert!(!table.contains_key(&a));
        assert_eq!(table.len(), 1);
    }
}
