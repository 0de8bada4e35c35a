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

/// Hashes a [`TaskId`] for [`Table`]. Ids are cut in blocks of [`BLOCK`] consecutive ids:
/// an id's place in its block is its low bits, and the block's place in the table a
/// multiplicative hash of the block's number (odd, so that blocks that fit in the table
/// never collide). The top 7 bits, which the table keeps in its control bytes to tell
/// buckets apart without reading them, are mixed from the whole id.
///
/// Measured with `benches/scheduler.rs`: tasks spawned one after another share a block,
/// so a round of the ready queue (tasks in spawn order, mostly) walks 4 KiB of buckets at
/// a time: switches among 100 000 tasks took 20% longer with every id placed at random.
/// And runs of live ids pile up no further than a block: with the ids' low bits alone
/// for the place, tasks whose ids had wrapped around the table landed on the idle tasks
/// below them and probed through them on every switch (3 times slower in
/// `switch_1k_tasks_beside_100k_idle`).
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
        const K: u64 = 0x9E37_79B9_7F4A_7C15; // 2^64 / golden ratio, odd
        const TOP7: u64 = 0xFE00_0000_0000_0000;
        let shift = BLOCK.trailing_zeros();
        let place = ((n >> shift).wrapping_mul(K) << shift) | (n & (BLOCK - 1));
        self.0 = (place & !TOP7) | (n.wrapping_mul(K) & TOP7);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// How many consecutive ids [`IdHasher`] keeps in consecutive buckets (a bucket is 64
/// bytes: 4 KiB).
const BLOCK: u64 = 64;

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
    use std::collections::HashSet;

    fn hash(id: u64) -> u64 {
        BuildHasherDefault::<IdHasher>::default().hash_one(TaskId::new(id))
    }

    #[test]
    fn ids_of_a_block_hash_side_by_side_and_blocks_spread() {
        for block in [0, 1, 2, 1000, 123_456_789] {
            let first = hash(block * BLOCK);
            for i in 1..BLOCK {
                assert_eq!(
                    hash(block * BLOCK + i) & ((1 << 57) - 1),
                    (first & ((1 << 57) - 1)) + i
                );
            }
        }
        // Any 2^k consecutive ids take 2^k different buckets of a table of 2^k buckets.
        let mask = (1 << 17) - 1;
        let places: HashSet<u64> = (5..5 + (1 << 17)).map(|id| hash(id) & mask).collect();
        assert_eq!(places.len(), 1 << 17);
        // Consecutive blocks do not sit next to each other.
        let (a, b) = (hash(0) & mask, hash(BLOCK) & mask);
        assert!(a.abs_diff(b) > 4 * BLOCK, "{a} {b}");
        let tops: HashSet<u64> = (1..=1000).map(|id| hash(id) >> 57).collect();
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
